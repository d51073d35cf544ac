<?xml version="1.0" encoding="UTF-8"?>
<!-- duties-register.xsl — 部门职责登记表 (record kind "duties") as a landscape ruled table:
     序号 | 主要职责 | 具体工作事项 | 责任股室 | 备注. The 序号 and 主要职责 cells of a duty span
     all the rows of its items (number-rows-spanned); the header row repeats on every page.
     Above: 一、部门职责登记表 and 部门名称：…（盖章）; below: 注：1.… 2.… and the
     填报人 / 填报时间 / 联系电话 line. An item's @artefact (text that sat in other cells of
     its row in the source form through a table-merge error) is kept in the record but not
     printed: 备注 holds only the form's own remarks. -->
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
      <xsl:with-param name="title" select="concat(r:duties/r:department/r:name, r:duties/r:part/@title)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:duties" mode="register-content">
    <xsl:param name="marker" select="''"/>
    <xsl:call-template name="register-head"><xsl:with-param name="marker" select="$marker"/></xsl:call-template>
    <fo:table xsl:use-attribute-sets="reg-table">
      <fo:table-column column-width="proportional-column-width(14)"/>
      <fo:table-column column-width="proportional-column-width(72)"/>
      <fo:table-column column-width="proportional-column-width(95)"/>
      <fo:table-column column-width="proportional-column-width(44)"/>
      <fo:table-column column-width="proportional-column-width(32)"/>
      <xsl:choose>
        <xsl:when test="r:columns"><xsl:apply-templates select="r:columns" mode="register-header"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="default-header"><xsl:with-param name="names" select="'序号 主要职责 具体工作事项 责任股室 备注 '"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-body>
        <xsl:apply-templates select="r:duty/r:item" mode="duties"/>
      </fo:table-body>
    </fo:table>
    <xsl:apply-templates select="r:notes | r:filler" mode="register"/>
  </xsl:template>

  <!-- One row per item; the first item of a duty also opens the spanning duty cells. -->
  <xsl:template match="r:item" mode="duties">
    <xsl:variable name="duty" select=".."/>
    <xsl:variable name="n" select="count($duty/r:item)"/>
    <fo:table-row>
      <xsl:if test="not(preceding-sibling::r:item)">
        <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center">
          <xsl:if test="$n &gt; 1"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
          <fo:block><xsl:value-of select="$duty/@num"/></fo:block>
        </fo:table-cell>
        <fo:table-cell xsl:use-attribute-sets="reg-cell">
          <xsl:if test="$n &gt; 1"><xsl:attribute name="number-rows-spanned"><xsl:value-of select="$n"/></xsl:attribute></xsl:if>
          <fo:block><xsl:value-of select="$duty/r:text"/></fo:block>
        </fo:table-cell>
      </xsl:if>
      <fo:table-cell xsl:use-attribute-sets="reg-cell">
        <xsl:call-template name="group-marker">
          <xsl:with-param name="first" select="not(preceding-sibling::r:item)"/>
          <xsl:with-param name="num" select="$duty/@num"/>
          <xsl:with-param name="text" select="$duty/r:text"/>
        </xsl:call-template>
        <fo:block><xsl:value-of select="r:text"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="reg-cell" text-align="center">
        <fo:block><xsl:apply-templates select="r:offices" mode="register"/></fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="reg-cell" font-size="10.5pt" line-height="15pt">
        <fo:block>
          <xsl:if test="not(preceding-sibling::r:item) and $duty/r:remark">
            <fo:block><xsl:value-of select="$duty/r:remark"/></fo:block>
          </xsl:if>
          <xsl:if test="r:remark"><fo:block><xsl:value-of select="r:remark"/></fo:block></xsl:if>
        </fo:block>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>
</xsl:stylesheet>
