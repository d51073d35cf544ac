<?xml version="1.0" encoding="UTF-8"?>
<!-- boundaries-register.xsl — 与相关部门的职责边界登记表 (record kind "boundaries") as a
     landscape ruled table: 序号 | 管理事项 | 相关部门 | 职责分工 | 相关依据 | 案例. One row per
     related department (this bureau's own row first, as recorded); 序号, 管理事项, 相关依据
     and 案例 span all the rows of their matter. Citations print label, issuer, title,
     article, document number and end punctuation in order (1、《…》（…）；); a case prints its
     facts, then its handling. -->
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
      <xsl:with-param name="title" select="concat(r:boundaries/r:department/r:name, r:boundaries/r:part/@title)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:boundaries" mode="register-content">
    <xsl:param name="marker" select="''"/>
    <xsl:call-template name="register-head"><xsl:with-param name="marker" select="$marker"/></xsl:call-template>
    <fo:table xsl:use-attribute-sets="reg-table">
      <fo:table-column column-width="proportional-column-width(14)"/>
      <fo:table-column column-width="proportional-column-width(25)"/>
      <fo:table-column column-width="proportional-column-width(27)"/>
      <fo:table-column column-width="proportional-column-width(70)"/>
      <fo:table-column column-width="proportional-column-width(46)"/>
      <fo:table-column column-width="proportional-column-width(75)"/>
      <xsl:choose>
        <xsl:when test="r:columns"><xsl:apply-templates select="r:columns" mode="register-header"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="default-header"><xsl:with-param name="names" select="'序号 管理事项 相关部门 职责分工 相关依据 案例 '"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-body>
        <xsl:apply-templates select="r:matter/r:responsibility" mode="boundaries"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template match="r:responsibility" mode="boundaries">
    <xsl:variable name="m" select=".."/>
    <xsl:variable name="n" select="count($m/r:responsibility)"/>
    <xsl:variable name="first" select="not(preceding-sibling::r:responsibility)"/>
    <fo:table-row>
      <xsl:if test="$first">
        <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center">
          <xsl:call-template name="span"><xsl:with-param name="n" select="$n"/></xsl:call-template>
          <fo:block><xsl:value-of select="$m/@num"/></fo:block>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center">
          <xsl:call-template name="span"><xsl:with-param name="n" select="$n"/></xsl:call-template>
          <fo:block><xsl:value-of select="$m/r:title"/></fo:block>
        </fo:table-cell>
      </xsl:if>
      <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center">
        <xsl:call-template name="group-marker">
          <xsl:with-param name="first" select="$first"/>
          <xsl:with-param name="num" select="$m/@num"/>
          <xsl:with-param name="text" select="$m/r:title"/>
        </xsl:call-template>
        <fo:block><xsl:value-of select="r:department"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="reg-cell">
        <fo:block><xsl:value-of select="r:division"/></fo:block>
      </fo:table-cell>
      <xsl:if test="$first">
        <fo:table-cell xsl:use-attribute-sets="reg-cell">
          <xsl:call-template name="span"><xsl:with-param name="n" select="$n"/></xsl:call-template>
          <fo:block><xsl:apply-templates select="$m/r:basis/r:citation" mode="boundaries"/></fo:block>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="reg-cell" font-size="10.5pt" line-height="15.75pt" text-align="justify">
          <xsl:call-template name="span"><xsl:with-param name="n" select="$n"/></xsl:call-template>
          <fo:block>
            <xsl:for-each select="$m/r:case">
              <fo:block><xsl:value-of select="r:facts"/></fo:block>
              <xsl:if test="r:result"><fo:block><xsl:value-of select="r:result"/></fo:block></xsl:if>
            </xsl:for-each>
          </fo:block>
        </fo:table-cell>
      </xsl:if>
    </fo:table-row>
  </xsl:template>

  <xsl:template name="span">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 1">
      <xsl:attribute name="number-rows-spanned"><xsl:value-of select="$n"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- 1、公安部、质检总局《…》（公交管〔2014〕138 号）； -->
  <xsl:template match="r:citation" mode="boundaries">
    <fo:block>
      <xsl:value-of select="concat(@label, r:issuer, r:law, r:article, r:doc-no, @end)"/>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
