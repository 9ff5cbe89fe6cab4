"""A small modal that asks for one choice from a short list (a pack, a plan, a period)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from netui.core.credits import PACK_SIZES
from netui.core.money import PriceList, usd
from netui.ui.modals.base import Modal
from netui.ui.text import count, long_date, plural

if TYPE_CHECKING:
    from netui.world.results import Purchase

T = TypeVar("T")


class ChoiceModal(Modal[T | None], Generic[T]):
    """Pick one with the arrows and enter, or the letter/number shown; escape cancels."""

    CSS_PATH = "choice.tcss"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, T]],
        *,
        explanation: str = "",
        shortcuts: list[str] | None = None,
        selected: T | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.explanation = explanation
        self.shortcuts = shortcuts or []
        self.selected = selected

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-box") as box:
            box.border_title = self.title_text
            if self.explanation:
                yield Static(Text(self.explanation), classes="choice-explanation")
            options = []
            for n, (label, _value) in enumerate(self.choices):
                prompt = Text()
                if n < len(self.shortcuts):
                    prompt.append(f" {self.shortcuts[n]} ", style="bold reverse")
                    prompt.append(" ")
                elif self.shortcuts:  # no key of its own: keep the labels in one column
                    prompt.append(" " * (cell_len(self.shortcuts[0]) + 3))
                prompt.append(label)
                options.append(Option(prompt, id=str(n)))
            yield OptionList(*options, id="choices", markup=False)
            yield Static(Text("enter chooses · escape cancels", style="dim"))

    def on_mount(self) -> None:
        values = [value for _label, value in self.choices]
        if self.selected in values:
            self.query_one(OptionList).highlighted = values.index(self.selected)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)][1])

    def on_key(self, event) -> None:
        if event.character and event.character in self.shortcuts:
            event.stop()
            self.dismiss(self.choices[self.shortcuts.index(event.character)][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


def buy_credits_modal(prices: PriceList | None = None) -> ChoiceModal[int]:
    """The packs with their prices (R5.8). The keys 1, 2 and 5 pick a pack at once;
    ten has no single key, so it is picked with the arrows."""
    prices = prices or PriceList()
    return ChoiceModal(
        "Buy InMail credits",
        [(f"{n:>2} {plural(n, 'credit'):<7}  ·  {usd(prices.pack(n)):>8}", n) for n in PACK_SIZES],
        explanation=f"{usd(prices.credit_cents)} a credit. Bought credits expire 90 days "
        "after you buy them.",
        shortcuts=[str(n) for n in PACK_SIZES if n < 10],
    )


def bought_message(result: Purchase) -> str:
    paid = usd(round(result.usd * 100))
    return (
        f"Bought {count(result.bought, 'credit')} for {paid}. Balance: {result.balance}; "
        f"they expire on {long_date(result.expires)}."
    )
