<?xml version="1.0" encoding="UTF-8"?>
<!-- Must be refused: document() of a local file outside the allowed directories. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <r><xsl:copy-of select="document('/etc/passwd')"/></r>
  </xsl:template>
</xsl:stylesheet>
