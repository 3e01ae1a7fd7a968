"""The cases area of the window: its page, its dialogs and the actions on them."""
