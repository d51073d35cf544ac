<?xml version="1.0" encoding="UTF-8"?>
<!-- xsl:message is a note; with terminate="yes" (param stop = 'yes') the run fails. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:param name="stop" select="'no'"/>
  <xsl:template match="/">
    <xsl:message>just saying</xsl:message>
    <xsl:if test="$stop = 'yes'"><xsl:message terminate="yes">giving up</xsl:message></xsl:if>
    <xsl:text>done</xsl:text>
  </xsl:template>
</xsl:stylesheet>
