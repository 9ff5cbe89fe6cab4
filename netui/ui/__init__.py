"""The Textual terminal UI. It calls only `netui.world.World`."""
