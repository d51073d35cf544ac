<?xml version="1.0" encoding="UTF-8"?>
<!-- services-register.xsl — 公共服务事项登记表 (record kind "services") as a landscape ruled
     table: 序号 | 服务事项 | 主要内容 | 承办机构 | 联系电话, followed by the empty rows the
     printed form carries (@blank-rows) for entries added by hand. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                exclude-result-prefixes="r">

  <xsl:import href="common/base.xsl"/>
  <xsl:import href="common/page.xsl"/>
  <xsl:import href="common/register.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="r:*"/>

  <xsl:template match="/">
    <xsl:call-template name="register-document">
      <xsl:with-param name="title" select="concat(r:services/r:department/r:name, r:services/r:part/@title)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:services" mode="register-content">
    <xsl:param name="marker" select="''"/>
    <xsl:call-template name="register-head"><xsl:with-param name="marker" select="$marker"/></xsl:call-template>
    <fo:table xsl:use-attribute-sets="reg-table">
      <fo:table-column column-width="proportional-column-width(14)"/>
      <fo:table-column column-width="proportional-column-width(70)"/>
      <fo:table-column column-width="proportional-column-width(103)"/>
      <fo:table-column column-width="proportional-column-width(35)"/>
      <fo:table-column column-width="proportional-column-width(35)"/>
      <xsl:choose>
        <xsl:when test="r:columns"><xsl:apply-templates select="r:columns" mode="register-header"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="default-header"><xsl:with-param name="names" select="'序号 服务事项 主要内容 承办机构 联系电话 '"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-body>
        <xsl:for-each select="r:service">
          <fo:table-row>
            <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center"><fo:block><xsl:value-of select="@num"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="reg-cell"><fo:block><xsl:value-of select="r:name"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="reg-cell"><fo:block><xsl:value-of select="r:content"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center"><fo:block><xsl:apply-templates select="r:offices" mode="register"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center">
              <xsl:for-each select="r:phone"><fo:block><xsl:value-of select="."/></fo:block></xsl:for-each>
            </fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
        <xsl:call-template name="blank-rows"><xsl:with-param name="n" select="number(@blank-rows)"/></xsl:call-template>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- $n empty rows of one line each (for entries written in by hand). -->
  <xsl:template name="blank-rows">
    <xsl:param name="n" select="0"/>
    <xsl:if test="$n &gt; 0">
      <fo:table-row>
        <xsl:call-template name="blank-cells"><xsl:with-param name="n" select="5"/></xsl:call-template>
      </fo:table-row>
      <xsl:call-template name="blank-rows"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template name="blank-cells">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <fo:table-cell xsl:use-attribute-sets="reg-cell"><fo:block line-height="27pt">&#xA0;</fo:block></fo:table-cell>
      <xsl:call-template name="blank-cells"><xsl:with-param name="n" select="$n - 1"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
