<?xml version="1.0" encoding="UTF-8"?>
<!-- ext.xsl — runs every case of ext-cases.xml through the gw: function it names and prints
     one TAP line per case ("ok - gw:fn(a, b)" or "not ok - …: got X, want Y"). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:gw="urn:gongwen:xslt:1" exclude-result-prefixes="gw">
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:apply-templates select="cases/t"/>
  </xsl:template>

  <xsl:template match="t">
    <xsl:variable name="got">
      <xsl:choose>
        <xsl:when test="@fn = 'date-add'"><xsl:value-of select="gw:date-add(@a, @b)"/></xsl:when>
        <xsl:when test="@fn = 'deadline'"><xsl:value-of select="gw:deadline(@a, @b)"/></xsl:when>
        <xsl:when test="@fn = 'date-add-months'"><xsl:value-of select="gw:date-add-months(@a, @b)"/></xsl:when>
        <xsl:when test="@fn = 'date-cn'"><xsl:value-of select="gw:date-cn(@a)"/></xsl:when>
        <xsl:when test="@fn = 'date-cn-upper'"><xsl:value-of select="gw:date-cn-upper(@a)"/></xsl:when>
        <xsl:when test="@fn = 'weekday-cn'"><xsl:value-of select="gw:weekday-cn(@a)"/></xsl:when>
        <xsl:when test="@fn = 'numeral-cn' and @n = '1'"><xsl:value-of select="gw:numeral-cn(number(@a))"/></xsl:when>
        <xsl:when test="@fn = 'numeral-cn'"><xsl:value-of select="gw:numeral-cn(@a)"/></xsl:when>
        <xsl:when test="@fn = 'amount-cn' and @n = '1'"><xsl:value-of select="gw:amount-cn(number(@a))"/></xsl:when>
        <xsl:when test="@fn = 'amount-cn'"><xsl:value-of select="gw:amount-cn(string(@a))"/></xsl:when>
        <xsl:when test="@fn = 'amount-fmt' and @n = '1'"><xsl:value-of select="gw:amount-fmt(number(@a))"/></xsl:when>
        <xsl:when test="@fn = 'amount-fmt'"><xsl:value-of select="gw:amount-fmt(string(@a))"/></xsl:when>
        <xsl:otherwise>?unknown function <xsl:value-of select="@fn"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="call">
      <xsl:value-of select="concat('gw:', @fn, '(', normalize-space(@a))"/>
      <xsl:if test="@b"><xsl:value-of select="concat(', ', @b)"/></xsl:if>
      <xsl:value-of select="')'"/>
      <xsl:if test="@n = '1'"> [number]</xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($got) = string(@want)">
        <xsl:value-of select="concat('ok - ', $call, '&#10;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('not ok - ', $call, ': got ', $got, ', want ', @want, '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
