// Reading a chapter with cmark into a value tree of blocks (see docs/architecture.md).
import Notation
