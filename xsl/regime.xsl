<?xml version="1.0" encoding="UTF-8"?>
<!-- regime.xsl — one 事中事后监督管理制度 (record kind "regime") as a GB/T 9704 document:
     2号小标宋 title (四、事中事后监督管理制度 / （六）产品质量监督抽查监管), preamble, and the
     numbered levels 一、 黑体, （一） 楷体, 1、/1. and （1） 仿宋, all on the 28 × 22 grid.
     A section with a title is a heading line; one without is a numbered paragraph with its
     label run in. A title ending in 。 runs into its first paragraph (（一）检查….正文…).
     The <rules> are a machine-readable restatement of the text and are not printed.

     Mode regime-content (flow content) is reused by annual.xsl; ids are prefixed with the
     regime's id so several regimes can share one FO document. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gx="urn:gongwen:fo:1"
                exclude-result-prefixes="r">

  <xsl:import href="common/base.xsl"/>
  <xsl:import href="common/page.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="r:*"/>

  <xsl:template match="/">
    <fo:root xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <xsl:call-template name="metadata">
        <xsl:with-param name="title" select="concat(r:regime/r:part/@title, r:regime/r:title/@label, r:regime/r:title)"/>
        <xsl:with-param name="description" select="'事中事后监督管理制度'"/>
      </xsl:call-template>
      <fo:page-sequence master-reference="gb" language="zh" country="CN">
        <xsl:call-template name="folios"/>
        <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="gb-flow">
          <xsl:apply-templates select="r:regime" mode="regime-content"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The whole regime as flow content. marker: text of a running-header marker (annual). -->
  <xsl:template match="r:regime" mode="regime-content">
    <xsl:param name="marker" select="''"/>
    <fo:block id="{@id}" space-after="{$gb-line-pt}" xsl:use-attribute-sets="gb-title">
      <xsl:if test="$marker != ''">
        <fo:marker marker-class-name="running"><xsl:value-of select="$marker"/></fo:marker>
      </xsl:if>
      <xsl:if test="r:part">
        <fo:block><xsl:value-of select="concat(r:part/@label, r:part/@title)"/></fo:block>
      </xsl:if>
      <fo:block><xsl:value-of select="concat(r:title/@label, r:title)"/></fo:block>
    </fo:block>
    <xsl:for-each select="r:preamble/r:p">
      <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <xsl:apply-templates select="r:section" mode="regime"/>
  </xsl:template>

  <!-- A heading section: label + title on a line of its own, in the level's face. -->
  <xsl:template match="r:section[@title]" mode="regime">
    <xsl:variable name="id" select="concat(ancestor::r:regime/@id, '.', @id)"/>
    <xsl:choose>
      <!-- （一）检查计量检定人员资格核准情况。 + its first paragraph, run in -->
      <xsl:when test="substring(@title, string-length(@title)) = '。' and *[1][self::r:p]">
        <fo:block id="{$id}" xsl:use-attribute-sets="gb-p">
          <fo:inline>
            <xsl:call-template name="heading-face"/>
            <xsl:value-of select="concat(@label, @title)"/>
          </fo:inline>
          <xsl:value-of select="r:p[1]"/>
        </fo:block>
        <xsl:apply-templates select="*[position() &gt; 1]" mode="regime"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block id="{$id}" keep-with-next.within-page="always" xsl:use-attribute-sets="gb-p">
          <xsl:call-template name="heading-face"/>
          <xsl:value-of select="concat(@label, @title)"/>
        </fo:block>
        <xsl:apply-templates select="*" mode="regime"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The face of a heading of this section's level: 一、 黑体, （一） 楷体, else 仿宋. -->
  <xsl:template name="heading-face">
    <xsl:choose>
      <xsl:when test="@level = 1"><xsl:attribute name="font-family">黑体</xsl:attribute></xsl:when>
      <xsl:when test="@level = 2"><xsl:attribute name="font-family">楷体</xsl:attribute></xsl:when>
      <xsl:otherwise><xsl:attribute name="font-family">仿宋</xsl:attribute></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A numbered paragraph: the label run in before its first paragraph. -->
  <xsl:template match="r:section" mode="regime">
    <xsl:variable name="id" select="concat(ancestor::r:regime/@id, '.', @id)"/>
    <xsl:choose>
      <xsl:when test="*[1][self::r:p]">
        <fo:block id="{$id}" xsl:use-attribute-sets="gb-p">
          <xsl:value-of select="concat(@label, r:p[1])"/>
        </fo:block>
        <xsl:apply-templates select="*[position() &gt; 1]" mode="regime"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block id="{$id}" keep-with-next.within-page="always" xsl:use-attribute-sets="gb-p">
          <xsl:value-of select="@label"/>
        </fo:block>
        <xsl:apply-templates select="*" mode="regime"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:p" mode="regime">
    <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="."/></fo:block>
  </xsl:template>

  <xsl:template match="text()" mode="regime"/>
</xsl:stylesheet>
