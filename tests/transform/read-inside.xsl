<?xml version="1.0" encoding="UTF-8"?>
<!-- Allowed: document() of a file under the data directory (the repository in tests). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="count(document('ext-cases.xml')/cases/t)"/>
  </xsl:template>
</xsl:stylesheet>
