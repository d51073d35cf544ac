<?xml version="1.0" encoding="UTF-8"?>
<!-- Must be stopped: shallow but exponential recursion (2^40 calls) — only the operation
     limit catches it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:call-template name="twice"><xsl:with-param name="n" select="40"/></xsl:call-template>
  </xsl:template>
  <xsl:template name="twice">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <xsl:call-template name="twice"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
      <xsl:call-template name="twice"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
