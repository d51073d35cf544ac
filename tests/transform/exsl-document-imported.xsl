<?xml version="1.0" encoding="UTF-8"?>
<!-- Must be refused: the imported stylesheet writes a file with exsl:document. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="exsl-document.xsl"/>
</xsl:stylesheet>
