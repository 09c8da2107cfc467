"""The reader's parts: page documents, pagination onto screens, figures and page turns."""
