"""Documents as plain blocks (headings, paragraphs, tables, charts, signature rows): the layouts
in this package turn a builder's data into blocks, and every renderer writes the same blocks,
so the DOCX, the PDF and the page say the same thing."""
