"""What members do: industries, the roles and skills of each, seniority, job titles.

A member has one role, in a function ("Engineering", "Talent Acquisition" ...), at one
seniority. The headline is built from those ("Senior Data Engineer", "Head of Sales",
"CTO"); skills come from the industry and the function; the function and seniority also
steer what a member welcomes in InMail (recruiters welcome job inquiries, founders new
ventures) and how sociable they are (recruiters and executives collect connections).

The file is long because it is word data — the industries table with each industry's
roles, skills and brand words, the functions' skills, the seniorities — kept in one
place so that it reads as a table; the code beside it (`job_titles`,
`category_appeal`) is two short functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from netui.core.model import Category

# Functions: the department a role belongs to. Management titles are built from them.
ENGINEERING = "Engineering"
PRODUCT = "Product"
DESIGN = "Design"
DATA = "Data"
SECURITY = "Security"
IT = "IT"
RESEARCH = "Research"
SALES = "Sales"
BUSINESS_DEVELOPMENT = "Business Development"
MARKETING = "Marketing"
COMMUNICATIONS = "Communications"
TALENT = "Talent Acquisition"
HR = "Human Resources"
FINANCE = "Finance"
INVESTMENT = "Investments"
OPERATIONS = "Operations"
SUPPLY_CHAIN = "Supply Chain"
CUSTOMER_SUCCESS = "Customer Success"
LEGAL = "Legal"
CONSULTING = "Consulting"
CLINICAL = "Clinical Services"
EDUCATION = "Education"
POLICY = "Public Policy"
PROGRAMS = "Programs"

TECHNICAL = frozenset({ENGINEERING, PRODUCT, DESIGN, DATA, SECURITY, IT, RESEARCH})
COMMERCIAL = frozenset({SALES, BUSINESS_DEVELOPMENT})
PEOPLE = frozenset({TALENT, HR})
ADVISORY = frozenset({CONSULTING, LEGAL, FINANCE})

# Chief titles for the functions that have one.
_CHIEF = {
    ENGINEERING: "CTO",
    FINANCE: "CFO",
    MARKETING: "CMO",
    OPERATIONS: "COO",
    HR: "Chief People Officer",
    DATA: "Chief Data Officer",
    SECURITY: "CISO",
    PRODUCT: "Chief Product Officer",
    IT: "CIO",
    SALES: "Chief Revenue Officer",
}


@dataclass(frozen=True)
class Role:
    title: str  # the individual-contributor title, e.g. "Data Engineer"
    function: str


@dataclass(frozen=True)
class Industry:
    name: str
    weight: float  # share of the world's professionals, roughly
    roles: tuple[Role, ...]
    skills: tuple[str, ...]
    brand_words: tuple[str, ...]  # English words companies in it put in their names


def _industry(name: str, weight: float, roles: str, skills: str, brands: str) -> Industry:
    """Compact rows: roles "Title/Function; ...", skills and brands comma-separated."""
    parsed = []
    for item in roles.split(";"):
        title, _, function = item.partition("/")
        parsed.append(Role(title.strip(), function.strip()))
    return Industry(
        name,
        weight,
        tuple(parsed),
        tuple(s.strip() for s in skills.split(",")),
        tuple(b.strip() for b in brands.split(",")),
    )


Ind = _industry

# fmt: off
INDUSTRIES: tuple[Industry, ...] = (
    Ind("Software Development", 9,
      "Software Engineer/Engineering; Backend Developer/Engineering; Frontend Developer/"
      "Engineering; Full Stack Developer/Engineering; Mobile Developer/Engineering; "
      "Site Reliability Engineer/Engineering; QA Engineer/Engineering; Product Manager/"
      "Product; UX Designer/Design",
      "Python, Java, JavaScript, TypeScript, Go, Rust, React, Kubernetes, Docker, AWS, "
      "Microservices, PostgreSQL, Git, CI/CD, Agile Methodologies, REST APIs, GraphQL",
      "Software, Labs, Technologies, Systems, Digital, Apps"),
    Ind("IT Services and Consulting", 7,
      "IT Consultant/Consulting; Systems Administrator/IT; Solutions Architect/Engineering; "
      "Network Engineer/IT; Service Delivery Manager/Operations; Business Analyst/Consulting",
      "ITIL, SAP, Cloud Computing, Microsoft Azure, Linux, Networking, ERP, Salesforce, "
      "ServiceNow, Project Management, Virtualization, IT Infrastructure",
      "IT Solutions, Consulting, Systems, Technologies, Tech Services"),
    Ind("Data and Analytics", 3,
      "Data Scientist/Data; Data Engineer/Data; Data Analyst/Data; Machine Learning "
      "Engineer/Data; BI Developer/Data",
      "Python, SQL, Machine Learning, Deep Learning, Apache Spark, Tableau, Power BI, "
      "Statistics, TensorFlow, Data Visualization, dbt, Apache Airflow, Kubernetes, "
      "Natural Language Processing",
      "Analytics, Data, Insights, AI, Intelligence"),
    Ind("Computer and Network Security", 1.5,
      "Security Engineer/Security; Penetration Tester/Security; SOC Analyst/Security; "
      "Security Architect/Security; GRC Analyst/Security",
      "Penetration Testing, SIEM, Incident Response, ISO 27001, Network Security, "
      "Threat Intelligence, Cloud Security, Identity and Access Management, Kubernetes, "
      "Python, Zero Trust",
      "Security, Cyber, Defense, Shield"),
    Ind("Telecommunications", 2.5,
      "Network Engineer/Engineering; RF Engineer/Engineering; Telecom Project Manager/"
      "Operations; Field Technician/Operations; Network Architect/Engineering",
      "5G, LTE, VoIP, Network Planning, Fiber Optics, IP Networking, OSS/BSS, "
      "Telecommunications, Cisco, Network Design",
      "Telecom, Networks, Connect, Mobile"),
    Ind("Semiconductors", 0.8,
      "Hardware Engineer/Engineering; Chip Design Engineer/Engineering; Process Engineer/"
      "Engineering; Test Engineer/Engineering; Embedded Software Engineer/Engineering",
      "VLSI, Verilog, FPGA, Embedded Systems, C, ASIC, Semiconductor Manufacturing, "
      "Signal Processing, PCB Design",
      "Semiconductor, Microsystems, Silicon, Electronics"),
    Ind("Banking", 4.5,
      "Relationship Manager/Sales; Credit Analyst/Finance; Branch Manager/Operations; "
      "Risk Analyst/Finance; Compliance Officer/Legal; Teller/Operations",
      "Credit Risk, Retail Banking, Anti-Money Laundering, KYC, Financial Analysis, "
      "Risk Management, Basel III, Corporate Banking, Banking, Treasury",
      "Bank, Banking, Capital, Savings"),
    Ind("Financial Services", 4,
      "Financial Analyst/Finance; Portfolio Manager/Investments; Investment Analyst/"
      "Investments; Wealth Manager/Sales; Trader/Investments; Financial Advisor/Sales",
      "Financial Modeling, Valuation, Equity Research, Bloomberg, Asset Management, "
      "Derivatives, Excel, Wealth Management, Fintech, Payments, Portfolio Management",
      "Capital, Finance, Partners, Investments, Advisors, Fintech"),
    Ind("Insurance", 2,
      "Underwriter/Finance; Claims Adjuster/Operations; Actuary/Finance; Insurance Agent/"
      "Sales; Broker/Sales",
      "Underwriting, Claims Management, Actuarial Science, Reinsurance, Risk Assessment, "
      "Insurance, Solvency II, Property & Casualty",
      "Insurance, Assurance, Mutual, Re"),
    Ind("Venture Capital and Private Equity", 0.4,
      "Investment Associate/Investments; Venture Partner/Investments; Analyst/Investments; "
      "Platform Manager/Operations",
      "Venture Capital, Private Equity, Due Diligence, Financial Modeling, Startups, "
      "Fundraising, M&A, Valuation",
      "Ventures, Capital, Partners, Equity"),
    Ind("Accounting", 3,
      "Accountant/Finance; Auditor/Finance; Tax Advisor/Finance; Bookkeeper/Finance; "
      "Controller/Finance",
      "Accounting, Auditing, Tax, IFRS, US GAAP, Financial Reporting, Bookkeeping, "
      "Internal Controls, SAP FI, Payroll",
      "Accounting, Audit, Tax Advisors, & Partners"),
    Ind("Management Consulting", 2.5,
      "Management Consultant/Consulting; Strategy Consultant/Consulting; Business Analyst/"
      "Consulting; Engagement Manager/Consulting; Change Manager/Consulting",
      "Strategy, Change Management, Business Process Improvement, Stakeholder Management, "
      "Lean Six Sigma, Business Strategy, Operating Models, Digital Transformation",
      "Consulting, Advisory, Partners, Strategy Group"),
    Ind("Legal Services", 2,
      "Lawyer/Legal; Associate Attorney/Legal; Paralegal/Legal; Legal Counsel/Legal; "
      "Notary/Legal",
      "Corporate Law, Litigation, Contract Negotiation, Intellectual Property, GDPR, "
      "Mergers & Acquisitions, Employment Law, Arbitration, Legal Research",
      "Law, Legal, & Associates, Attorneys"),
    Ind("Human Resources Services", 1.5,
      "HR Business Partner/Human Resources; HR Generalist/Human Resources; Payroll "
      "Specialist/Human Resources; Learning and Development Specialist/Human Resources",
      "Human Resources, Employee Relations, Performance Management, Compensation & "
      "Benefits, HRIS, Workday, Onboarding, Organizational Development",
      "HR, People, Workforce, Talent"),
    Ind("Staffing and Recruiting", 2,
      "Recruiter/Talent Acquisition; Technical Recruiter/Talent Acquisition; Sourcer/"
      "Talent Acquisition; Account Manager/Sales; Headhunter/Talent Acquisition",
      "Recruiting, Technical Recruiting, Sourcing, Talent Acquisition, Boolean Search, "
      "Applicant Tracking Systems, Employer Branding, Interviewing, Executive Search",
      "Recruitment, Talent, Staffing, Search, People"),
    Ind("Marketing and Advertising", 3.5,
      "Marketing Specialist/Marketing; Digital Marketing Manager/Marketing; Copywriter/"
      "Marketing; SEO Specialist/Marketing; Account Manager/Sales; Art Director/Design",
      "Digital Marketing, SEO, Content Marketing, Social Media Marketing, Google Ads, "
      "Google Analytics, Brand Management, Copywriting, Marketing Automation, HubSpot",
      "Media, Marketing, Creative, Agency, Digital, Studio"),
    Ind("Public Relations and Communications", 1,
      "PR Specialist/Communications; Communications Manager/Communications; Press Officer/"
      "Communications; Content Writer/Communications",
      "Public Relations, Media Relations, Crisis Communications, Corporate Communications, "
      "Storytelling, Press Releases, Event Management",
      "Communications, PR, Media, Public Relations"),
    Ind("Online Media and Publishing", 1.2,
      "Editor/Communications; Journalist/Communications; Content Producer/Communications; "
      "Video Producer/Design; Audience Development Manager/Marketing",
      "Journalism, Editing, Content Strategy, Video Production, Publishing, WordPress, "
      "Storytelling, Podcasting, Audience Development",
      "Media, Publishing, News, Press, Studios"),
    Ind("Design Services", 1,
      "Graphic Designer/Design; UI Designer/Design; Product Designer/Design; Illustrator/"
      "Design; Motion Designer/Design",
      "Adobe Photoshop, Figma, Illustrator, User Experience, Branding, Typography, "
      "Motion Graphics, Design Systems, Prototyping",
      "Design, Studio, Creative, Works"),
    Ind("Architecture and Planning", 1,
      "Architect/Design; Urban Planner/Design; BIM Manager/Engineering; Interior Designer/"
      "Design; Landscape Architect/Design",
      "AutoCAD, Revit, BIM, Urban Planning, SketchUp, Architectural Design, "
      "Sustainable Design, Rhino",
      "Architects, Architecture, Design Studio, Planning"),
    Ind("Construction", 3.5,
      "Site Engineer/Engineering; Project Manager/Operations; Quantity Surveyor/Finance; "
      "Construction Manager/Operations; Estimator/Finance; Foreman/Operations",
      "Construction Management, AutoCAD, Project Planning, Primavera P6, Quantity "
      "Surveying, Health & Safety, Contract Management, Civil Engineering",
      "Construction, Builders, Contractors, Building"),
    Ind("Real Estate", 2,
      "Real Estate Agent/Sales; Property Manager/Operations; Asset Manager/Investments; "
      "Leasing Consultant/Sales; Appraiser/Finance",
      "Real Estate, Property Management, Commercial Real Estate, Negotiation, Real Estate "
      "Development, Valuation, Leasing, Facility Management",
      "Properties, Realty, Real Estate, Estates, Homes"),
    Ind("Civil Engineering", 1.5,
      "Civil Engineer/Engineering; Structural Engineer/Engineering; Geotechnical Engineer/"
      "Engineering; Transportation Engineer/Engineering",
      "Structural Analysis, AutoCAD, Civil 3D, Geotechnical Engineering, Infrastructure, "
      "SAP2000, Hydraulics, Road Design",
      "Engineering, Infrastructure, Civil, Structures"),
    Ind("Industrial Machinery Manufacturing", 3,
      "Mechanical Engineer/Engineering; Manufacturing Engineer/Engineering; Maintenance "
      "Technician/Operations; Production Manager/Operations; Quality Engineer/Engineering",
      "SolidWorks, Lean Manufacturing, CAD, PLC Programming, Six Sigma, Quality Assurance, "
      "Root Cause Analysis, Automation, Maintenance",
      "Industries, Manufacturing, Machinery, Engineering, Works"),
    Ind("Automotive", 2,
      "Automotive Engineer/Engineering; Design Engineer/Engineering; Service Advisor/"
      "Customer Success; Quality Engineer/Engineering; Sales Consultant/Sales",
      "Automotive, CATIA, Electric Vehicles, Powertrain, APQP, IATF 16949, Embedded "
      "Systems, Vehicle Dynamics, FMEA",
      "Motors, Automotive, Mobility, Auto"),
    Ind("Aviation and Aerospace", 1,
      "Aerospace Engineer/Engineering; Pilot/Operations; Aircraft Maintenance Engineer/"
      "Operations; Flight Dispatcher/Operations; Avionics Engineer/Engineering",
      "Aerospace, Aircraft Maintenance, Avionics, Aerodynamics, Flight Operations, "
      "CATIA, Airworthiness, Systems Engineering",
      "Aerospace, Aviation, Airlines, Air, Aero"),
    Ind("Oil and Energy", 2,
      "Petroleum Engineer/Engineering; Drilling Engineer/Engineering; HSE Officer/"
      "Operations; Energy Trader/Investments; Process Engineer/Engineering",
      "Oil & Gas, Petroleum Engineering, Drilling, Reservoir Engineering, HSE, Upstream, "
      "Energy Trading, Process Safety",
      "Energy, Petroleum, Oil & Gas, Resources, Power"),
    Ind("Renewable Energy", 1.2,
      "Solar Engineer/Engineering; Wind Energy Engineer/Engineering; Energy Analyst/Data; "
      "Project Developer/Business Development",
      "Renewable Energy, Solar Energy, Wind Energy, Energy Storage, Sustainability, "
      "Power Systems, PPA, Energy Efficiency",
      "Solar, Renewables, Green Energy, Wind, Power"),
    Ind("Utilities", 1,
      "Electrical Engineer/Engineering; Grid Operator/Operations; Water Engineer/"
      "Engineering; Field Technician/Operations",
      "Electrical Engineering, Power Distribution, SCADA, Water Treatment, Asset "
      "Management, Smart Grid, High Voltage",
      "Utilities, Power, Water, Electric"),
    Ind("Chemical Manufacturing", 1,
      "Chemical Engineer/Engineering; Chemist/Research; Process Engineer/Engineering; "
      "Lab Technician/Research; EHS Manager/Operations",
      "Chemical Engineering, Process Optimization, Polymers, Analytical Chemistry, "
      "GMP, Chemistry, REACH, Process Safety",
      "Chemicals, Chemical, Materials, Polymers"),
    Ind("Pharmaceutical Manufacturing", 2,
      "Clinical Research Associate/Research; Regulatory Affairs Specialist/Legal; "
      "Medical Science Liaison/Research; Pharmacist/Clinical Services; Medical "
      "Representative/Sales",
      "Clinical Trials, GMP, Regulatory Affairs, Pharmacovigilance, Drug Development, "
      "Clinical Research, Pharmaceutical Sales, GCP, Biostatistics",
      "Pharma, Pharmaceuticals, Therapeutics, Life Sciences"),
    Ind("Biotechnology Research", 1,
      "Research Scientist/Research; Bioinformatician/Data; Lab Manager/Research; "
      "Molecular Biologist/Research",
      "Molecular Biology, Bioinformatics, CRISPR, Cell Culture, PCR, Genomics, "
      "Immunology, Protein Purification, Python",
      "Bio, Biotech, Genomics, Biosciences"),
    Ind("Medical Equipment Manufacturing", 1,
      "Biomedical Engineer/Engineering; Clinical Specialist/Clinical Services; "
      "Regulatory Affairs Specialist/Legal; Field Service Engineer/Customer Success",
      "Medical Devices, ISO 13485, FDA Regulations, Biomedical Engineering, Quality "
      "Systems, Clinical Evaluation, Product Development",
      "Medical, MedTech, Health Devices, Instruments"),
    Ind("Hospitals and Health Care", 7,
      "Nurse/Clinical Services; Physician/Clinical Services; Physiotherapist/Clinical "
      "Services; Healthcare Administrator/Operations; Medical Doctor/Clinical Services; "
      "Psychologist/Clinical Services",
      "Patient Care, Healthcare, Nursing, Clinical Research, Electronic Medical Records, "
      "Public Health, Healthcare Management, Emergency Medicine, Medical Education",
      "Health, Hospital, Medical Center, Clinic, Care"),
    Ind("Higher Education", 4,
      "Professor/Education; Lecturer/Education; Researcher/Research; Postdoctoral "
      "Researcher/Research; Academic Advisor/Education",
      "Research, Teaching, Higher Education, Academic Writing, Curriculum Development, "
      "Data Analysis, Grant Writing, Public Speaking",
      "University, Institute, Academy, College"),
    Ind("Education", 4,
      "Teacher/Education; Instructional Designer/Education; School Principal/Education; "
      "Tutor/Education; Education Consultant/Consulting",
      "Teaching, E-Learning, Curriculum Design, Classroom Management, Educational "
      "Technology, Moodle, Special Education, Instructional Design",
      "Learning, Academy, Education, School"),
    Ind("Research Services", 1,
      "Research Scientist/Research; Research Analyst/Research; Lab Technician/Research; "
      "Market Researcher/Marketing",
      "Research, Data Analysis, Statistics, Laboratory Skills, Scientific Writing, "
      "Market Research, R, Experimental Design",
      "Research, Institute, Lab, Insights"),
    Ind("Government Administration", 3,
      "Policy Advisor/Public Policy; Public Servant/Operations; Program Officer/Programs; "
      "Diplomat/Public Policy; Procurement Officer/Supply Chain",
      "Public Policy, Public Administration, Policy Analysis, Government, Procurement, "
      "International Relations, Budgeting, Stakeholder Engagement",
      "Agency, Authority, Office, Ministry"),
    Ind("Non-profit Organizations", 1.5,
      "Program Manager/Programs; Fundraiser/Business Development; Community Manager/"
      "Communications; Volunteer Coordinator/Programs; Grant Writer/Programs",
      "Fundraising, Nonprofit Management, Program Management, Community Outreach, "
      "Grant Writing, Volunteer Management, Advocacy, Monitoring & Evaluation",
      "Foundation, Trust, Initiative, Society"),
    Ind("Retail", 5,
      "Store Manager/Operations; Merchandiser/Sales; Buyer/Supply Chain; E-commerce "
      "Manager/Marketing; Sales Associate/Sales; Visual Merchandiser/Design",
      "Retail, Merchandising, E-commerce, Customer Service, Inventory Management, "
      "Visual Merchandising, Category Management, Shopify",
      "Retail, Stores, Shop, Market, Outlet"),
    Ind("Consumer Goods", 3,
      "Brand Manager/Marketing; Category Manager/Sales; Key Account Manager/Sales; "
      "Trade Marketing Specialist/Marketing; Demand Planner/Supply Chain",
      "Brand Management, FMCG, Trade Marketing, Key Account Management, Demand Planning, "
      "Consumer Insights, Category Management, Nielsen",
      "Brands, Consumer, Goods, Products"),
    Ind("Food and Beverage", 2.5,
      "Food Technologist/Research; Quality Assurance Specialist/Operations; Chef/"
      "Operations; Production Supervisor/Operations; Sales Representative/Sales",
      "Food Safety, HACCP, Food Science, Quality Assurance, New Product Development, "
      "Culinary Skills, Supply Chain, ISO 22000",
      "Foods, Beverages, Kitchen, Farms, Brewing"),
    Ind("Hospitality", 2.5,
      "Hotel Manager/Operations; Front Desk Agent/Customer Success; Event Coordinator/"
      "Operations; Revenue Manager/Finance; Concierge/Customer Success",
      "Hospitality Management, Hotel Management, Customer Service, Event Planning, "
      "Revenue Management, Opera PMS, Food & Beverage, Tourism",
      "Hotels, Resorts, Hospitality, Travel"),
    Ind("Transportation and Logistics", 3.5,
      "Logistics Coordinator/Supply Chain; Supply Chain Analyst/Supply Chain; "
      "Fleet Manager/Operations; Freight Forwarder/Supply Chain; Warehouse Manager/"
      "Operations; Customs Specialist/Supply Chain",
      "Logistics, Supply Chain Management, Freight Forwarding, Warehousing, "
      "Transportation Management, Customs, Inventory Control, SAP MM, Incoterms",
      "Logistics, Freight, Transport, Cargo, Express"),
    Ind("Farming and Agriculture", 1.5,
      "Agronomist/Research; Farm Manager/Operations; Agricultural Engineer/Engineering; "
      "Agribusiness Analyst/Finance",
      "Agronomy, Agriculture, Crop Production, Agribusiness, Irrigation, Precision "
      "Agriculture, Soil Science, Sustainability",
      "Agro, Farms, Agri, Harvest"),
    Ind("Apparel and Fashion", 1.2,
      "Fashion Designer/Design; Buyer/Supply Chain; Merchandise Planner/Sales; Stylist/"
      "Design; Textile Engineer/Engineering",
      "Fashion Design, Trend Analysis, Textiles, Pattern Making, Fashion Merchandising, "
      "Luxury Goods, Sourcing, Adobe Illustrator",
      "Fashion, Apparel, Textiles, Atelier"),
    Ind("Entertainment Providers", 1,
      "Producer/Communications; Actor/Communications; Sound Engineer/Engineering; "
      "Game Developer/Engineering; Event Manager/Operations",
      "Film Production, Video Editing, Game Development, Unity, Sound Design, "
      "Entertainment, Event Production, Adobe Premiere Pro",
      "Entertainment, Studios, Productions, Games, Pictures"),
    Ind("Environmental Services", 0.8,
      "Environmental Consultant/Consulting; Sustainability Manager/Operations; "
      "Environmental Engineer/Engineering; Waste Manager/Operations",
      "Environmental Impact Assessment, Sustainability, ESG, Waste Management, Climate "
      "Change, GIS, Environmental Compliance, Carbon Accounting",
      "Environmental, Green, Eco, Sustainability"),
)
# fmt: on

# Roles found in every industry: every company has recruiters, sellers, accountants.
CROSS_ROLES: tuple[Role, ...] = (
    Role("Recruiter", TALENT),
    Role("Talent Acquisition Specialist", TALENT),
    Role("HR Business Partner", HR),
    Role("Account Executive", SALES),
    Role("Sales Representative", SALES),
    Role("Business Development Representative", BUSINESS_DEVELOPMENT),
    Role("Marketing Specialist", MARKETING),
    Role("Accountant", FINANCE),
    Role("Financial Controller", FINANCE),
    Role("Project Coordinator", OPERATIONS),
    Role("Operations Analyst", OPERATIONS),
    Role("Customer Success Specialist", CUSTOMER_SUCCESS),
    Role("Legal Counsel", LEGAL),
    Role("Executive Assistant", OPERATIONS),
)
CROSS_ROLE_SHARE = 0.3  # how many members hold a cross-industry role

# Skills a function brings wherever it works.
FUNCTION_SKILLS: dict[str, tuple[str, ...]] = {
    TALENT: (
        "Recruiting",
        "Sourcing",
        "Talent Acquisition",
        "Interviewing",
        "Employer Branding",
        "Applicant Tracking Systems",
        "LinkedIn Recruiter",
    ),
    HR: (
        "Human Resources",
        "Employee Relations",
        "Performance Management",
        "HRIS",
        "Compensation & Benefits",
    ),
    SALES: (
        "Sales",
        "Negotiation",
        "CRM",
        "Salesforce",
        "Lead Generation",
        "Account Management",
        "B2B Sales",
        "Solution Selling",
    ),
    BUSINESS_DEVELOPMENT: (
        "Business Development",
        "Lead Generation",
        "Partnerships",
        "Negotiation",
        "Cold Calling",
        "CRM",
    ),
    MARKETING: (
        "Digital Marketing",
        "SEO",
        "Content Marketing",
        "Social Media Marketing",
        "Google Analytics",
        "Marketing Strategy",
    ),
    FINANCE: ("Accounting", "Budgeting", "Financial Reporting", "IFRS", "Excel", "Forecasting"),
    OPERATIONS: (
        "Project Management",
        "Process Improvement",
        "Operations Management",
        "Microsoft Office",
        "Scheduling",
    ),
    CUSTOMER_SUCCESS: (
        "Customer Service",
        "Customer Retention",
        "Zendesk",
        "Customer Experience",
        "Onboarding",
    ),
    LEGAL: ("Contract Law", "Compliance", "Corporate Law", "GDPR", "Legal Writing"),
}
LEADERSHIP_SKILLS = (
    "Leadership",
    "Team Management",
    "Strategic Planning",
    "Coaching",
    "Budget Management",
    "Stakeholder Management",
    "P&L Management",
)
SOFT_SKILLS = (
    "Communication",
    "Teamwork",
    "Problem Solving",
    "Public Speaking",
    "English",
    "Time Management",
)


@dataclass(frozen=True)
class Seniority:
    key: str
    weight: float  # share of members at this level
    years: tuple[int, int]  # typical years of experience
    sociability: float  # how many connections, relative to the member's baseline
    manages: bool  # titles name the function ("Head of Sales"), not the role


SENIORITIES: tuple[Seniority, ...] = (
    Seniority("intern", 3, (0, 1), 0.4, False),
    Seniority("junior", 13, (1, 3), 0.7, False),
    Seniority("mid", 33, (3, 7), 1.0, False),
    Seniority("senior", 24, (6, 12), 1.15, False),
    Seniority("lead", 8, (8, 15), 1.3, False),
    Seniority("manager", 10, (8, 16), 1.35, True),
    Seniority("director", 6, (12, 22), 1.7, True),
    Seniority("executive", 3, (15, 30), 2.2, True),
)
EARLY_CAREER = frozenset({"intern", "junior"})
LEADERS = frozenset({"director", "executive"})

# Function-wide sociability: recruiters and sellers live on their network.
FUNCTION_SOCIABILITY = {
    TALENT: 2.6,
    SALES: 1.6,
    BUSINESS_DEVELOPMENT: 1.7,
    HR: 1.3,
    INVESTMENT: 1.5,
    CONSULTING: 1.2,
    MARKETING: 1.2,
}


def job_titles(role: Role, seniority: Seniority) -> tuple[str, ...]:
    """The titles a member with this role and seniority may carry (one is drawn)."""
    title, function = role.title, role.function
    match seniority.key:
        case "intern":
            return (f"{title} Intern",)
        case "junior":
            return (f"Junior {title}",)
        case "mid":
            return (title,)
        case "senior":
            return (f"Senior {title}",)
        case "lead":
            return (f"Lead {title}", f"Principal {title}")
        case "manager":
            return (f"{function} Manager",)
        case "director":
            return (f"Director of {function}", f"Head of {function}")
    chief = _CHIEF.get(function)
    return (f"VP of {function}", "Founder & CEO", "Managing Director") + ((chief,) if chief else ())


# How much each category appeals before function and seniority adjust it (R4.2).
BASE_CATEGORY_APPEAL = {
    Category.CAREER_OPPORTUNITY: 1.0,
    Category.CONSULTING_OFFER: 0.5,
    Category.NEW_VENTURE: 0.4,
    Category.JOB_INQUIRY: 0.3,
    Category.EXPERTISE_REQUEST: 0.8,
    Category.BUSINESS_DEAL: 0.4,
    Category.REFERENCE_REQUEST: 0.3,
    Category.GETTING_BACK_IN_TOUCH: 1.0,
}


def category_appeal(function: str, seniority: str) -> dict[Category, float]:
    """How much a member of this function and seniority welcomes each category."""
    appeal = dict(BASE_CATEGORY_APPEAL)

    def boost(category: Category, factor: float) -> None:
        appeal[category] *= factor

    if function in PEOPLE:
        boost(Category.JOB_INQUIRY, 6 if function == TALENT else 3)
        boost(Category.CAREER_OPPORTUNITY, 3 if function == TALENT else 1)
        boost(Category.REFERENCE_REQUEST, 2)
    elif function in COMMERCIAL:
        boost(Category.BUSINESS_DEAL, 5)
        boost(Category.NEW_VENTURE, 1.5)
        boost(Category.CONSULTING_OFFER, 1.5)
    elif function in ADVISORY:
        boost(Category.CONSULTING_OFFER, 3)
        boost(Category.BUSINESS_DEAL, 1.5)
    elif function in TECHNICAL:
        boost(Category.EXPERTISE_REQUEST, 2.5)
        boost(Category.CAREER_OPPORTUNITY, 1.5)
        boost(Category.CONSULTING_OFFER, 1.5)
    elif function == INVESTMENT:
        boost(Category.NEW_VENTURE, 5)
        boost(Category.BUSINESS_DEAL, 3)
    if seniority in EARLY_CAREER:
        boost(Category.CAREER_OPPORTUNITY, 3)
        for category in (Category.JOB_INQUIRY, Category.CONSULTING_OFFER, Category.BUSINESS_DEAL):
            boost(category, 0.3)
    elif seniority in ("senior", "lead"):
        boost(Category.EXPERTISE_REQUEST, 1.5)
        boost(Category.CONSULTING_OFFER, 1.5)
    elif seniority == "manager":
        boost(Category.REFERENCE_REQUEST, 2)
        boost(Category.JOB_INQUIRY, 2)
    else:  # directors and executives
        boost(Category.NEW_VENTURE, 3)
        boost(Category.BUSINESS_DEAL, 3)
        boost(Category.CONSULTING_OFFER, 2)
        boost(Category.CAREER_OPPORTUNITY, 0.5)
        boost(Category.REFERENCE_REQUEST, 1.5)
    return appeal
