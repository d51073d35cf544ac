<?xml version="1.0" encoding="UTF-8"?>
<!-- Prints its parameter: values are plain strings, never evaluated as XPath. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:param name="who" select="'nobody'"/>
  <xsl:template match="/"><xsl:value-of select="concat('[', $who, ']')"/></xsl:template>
</xsl:stylesheet>
