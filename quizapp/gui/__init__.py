"""PySide6 widgets: screens, dialogs and workers."""
