"""``briefgen pull``: read an edited pack DOCX back and update the brief it was built from."""
