"""The reading stage: any bytes → sheets of text cells with their Excel coordinates, or a
refusal in a Vietnamese sentence. The CLI, the upload page and everything after them read
through `read_book`.

Design (README «Đọc tệp không tin cậy»): the file is read by a child process
(`etl.reading.worker`) that bounds its own address space, CPU time and output before it
imports the readers, and that the parent kills past a wall-clock limit. In the child, an
.xlsx is first inflated by our own code with the bytes really produced counted and its
sheets' XML scanned as it streams (hidden sheets, stray far cells, width and height caps);
only then does calamine read it — or a copy without the stray cells. CSV and tab text are
parsed with Python's csv module in the dialect sniffed, lines counted independently.
Whatever a file does, the parent only ever sees a result file or a dead child, which it
turns into a sentence: the dashboard keeps serving while a file is read (the parent waits
without holding the GIL) and cannot be taken down by one.
"""

# The stage (read_book) is imported from etl.reading.stage: this package's __init__ stays
# empty so the reading child, which imports etl.reading.book, loads nothing it does not use.
