"""Parses an SVG file as XML: svg_text.py FILE.

Prints the root element's tag and then the text of every element, one per line; a file that is
not well-formed XML makes the parser fail with its message.
"""
import sys
import xml.etree.ElementTree as ElementTree

root = ElementTree.parse(sys.argv[1]).getroot()
print(root.tag)
for element in root.iter():
    if element.text and element.text.strip():
        print(element.text.strip())
