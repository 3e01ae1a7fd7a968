"""The learning area of the window: its page, its dialogs and the actions on them."""
