<?xml version="1.0" encoding="UTF-8"?>
<!-- computed.xsl — the values the documents compute from a record, for the desk to show
     beside the fields (src/serve/api.c): every deadline the record names (an element with
     @deadline and @from) computed from the regime's days with gw:deadline, as the documents
     print it (gw:date-cn), and any fine in words (gw:amount-cn). Output:
     <computed><value path="decision/rectify-by">2015年9月2日</value>…</computed> -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:gongwen:record:1" xmlns:gw="urn:gongwen:xslt:1"
                extension-element-prefixes="gw" exclude-result-prefixes="r gw">
  <xsl:param name="regime-href" select="''"/>
  <xsl:variable name="regime" select="document($regime-href)/r:regime"/>

  <xsl:template match="/">
    <computed>
      <xsl:for-each select="//r:*[@deadline and @from]">
        <xsl:variable name="rule" select="$regime/r:rules/r:*[@id = current()/@deadline]"/>
        <xsl:variable name="from" select="/*/r:dates/r:*[local-name() = current()/@from]"/>
        <xsl:if test="$rule/@days and string($from)">
          <value>
            <xsl:attribute name="path"><xsl:call-template name="path"/></xsl:attribute>
            <xsl:value-of select="gw:date-cn(gw:deadline(string($from), number($rule/@days)))"/>
            <xsl:text>（</xsl:text><xsl:value-of select="$rule/@days"/><xsl:text>日）</xsl:text>
          </value>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="//r:*[@amount-yuan]">
        <value>
          <xsl:attribute name="path"><xsl:call-template name="path"/></xsl:attribute>
          <xsl:value-of select="concat(@amount-yuan, '元，大写：', gw:amount-cn(number(@amount-yuan)))"/>
        </value>
      </xsl:for-each>
    </computed>
  </xsl:template>

  <!-- The field path of the context element (labels.md): names below the root, '/'. -->
  <xsl:template name="path">
    <xsl:for-each select="ancestor-or-self::*[parent::*]">
      <xsl:if test="position() &gt; 1">/</xsl:if>
      <xsl:value-of select="local-name()"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
