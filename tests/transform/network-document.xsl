<?xml version="1.0" encoding="UTF-8"?>
<!-- Must be refused: document() over the network (nothing listens on port 9). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <r><xsl:copy-of select="document('http://127.0.0.1:9/records.xml')"/></r>
  </xsl:template>
</xsl:stylesheet>
