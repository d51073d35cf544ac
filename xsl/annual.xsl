<?xml version="1.0" encoding="UTF-8"?>
<!-- annual.xsl — the annual register (record kind "annual", xml/annual.xml): one PDF with
       a cover (title, organ, year), 目录 with dotted leaders and page numbers
       (page-number-citation to the id of each part), bookmarks (bookmark-tree, regimes
       nested under 四、事中事后监督管理制度), and then every included register (landscape)
       and regime (GB/T 9704 portrait), page numbers continuous from 1, a running header
       with the current part's name (marker / retrieve-marker), on one line.
     Duplex: the cover and the contents end on an even page (a blank back), so the contents
     and page 1 start on right-hand pages. The registers (landscape tables) are set turned
     a quarter on the portrait pages (master "gbt"), so every page number sits where
     GB/T 9704 puts it.
     The included records are read with document(@href) relative to annual.xml; the
     content of each comes from the stylesheet of its kind (imported below). Kinds other
     than registers and regimes are skipped with a message. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gx="urn:gongwen:fo:1"
                exclude-result-prefixes="r">

  <xsl:import href="duties-register.xsl"/>
  <xsl:import href="boundaries-register.xsl"/>
  <xsl:import href="services-register.xsl"/>
  <xsl:import href="regime.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="r:*"/>

  <!-- the included records' root elements, in order -->
  <xsl:variable name="parts" select="document(/r:annual/r:include/@href, /)/*"/>
  <xsl:variable name="printable" select="$parts[self::r:duties or self::r:boundaries or self::r:services or self::r:regime]"/>
  <xsl:variable name="organ" select="($parts/r:department/r:name)[1]"/>
  <xsl:variable name="annual-title" select="/r:annual/r:title"/>

  <xsl:template match="/">
    <xsl:for-each select="$parts[not(self::r:duties or self::r:boundaries or self::r:services or self::r:regime)]">
      <xsl:message>note: annual register skips <xsl:value-of select="local-name()"/> record <xsl:value-of select="@id"/> (only registers and regimes are printed)</xsl:message>
    </xsl:for-each>
    <fo:root xml:lang="zh-CN">
      <xsl:call-template name="page-masters">
        <xsl:with-param name="portrait" select="true()"/>
        <xsl:with-param name="landscape" select="false()"/>
        <xsl:with-param name="turned" select="true()"/>
      </xsl:call-template>
      <xsl:call-template name="metadata">
        <xsl:with-param name="title" select="r:annual/r:title"/>
        <xsl:with-param name="creator" select="$organ"/>
        <xsl:with-param name="description" select="concat(r:annual/@year, '年度')"/>
      </xsl:call-template>
      <fo:bookmark-tree>
        <fo:bookmark internal-destination="annual-toc">
          <fo:bookmark-title>目录</fo:bookmark-title>
        </fo:bookmark>
        <xsl:for-each select="$printable">
          <xsl:choose>
            <!-- regimes: grouped under their part (四、事中事后监督管理制度) -->
            <xsl:when test="self::r:regime">
              <xsl:if test="generate-id(.) = generate-id($printable[self::r:regime][1])">
                <fo:bookmark internal-destination="{@id}">
                  <fo:bookmark-title><xsl:value-of select="concat(r:part/@label, r:part/@title)"/></fo:bookmark-title>
                  <xsl:for-each select="$printable[self::r:regime]">
                    <fo:bookmark internal-destination="{@id}">
                      <fo:bookmark-title><xsl:value-of select="concat(r:title/@label, r:title)"/></fo:bookmark-title>
                    </fo:bookmark>
                  </xsl:for-each>
                </fo:bookmark>
              </xsl:if>
            </xsl:when>
            <xsl:otherwise>
              <fo:bookmark internal-destination="{@id}">
                <fo:bookmark-title><xsl:value-of select="concat(r:part/@label, r:part/@title)"/></fo:bookmark-title>
              </fo:bookmark>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </fo:bookmark-tree>

      <xsl:call-template name="cover"/>
      <xsl:call-template name="toc"/>

      <xsl:for-each select="$printable">
        <xsl:variable name="first" select="position() = 1"/>
        <xsl:choose>
          <xsl:when test="self::r:regime">
            <fo:page-sequence master-reference="gb" force-page-count="no-force" language="zh" country="CN">
              <xsl:if test="$first"><xsl:attribute name="initial-page-number">1</xsl:attribute></xsl:if>
              <xsl:call-template name="running-header"/>
              <xsl:call-template name="folios"/>
              <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="gb-flow">
                <xsl:apply-templates select="." mode="regime-content">
                  <xsl:with-param name="marker" select="concat(r:title/@label, r:title)"/>
                </xsl:apply-templates>
              </fo:flow>
            </fo:page-sequence>
          </xsl:when>
          <xsl:otherwise>
            <fo:page-sequence master-reference="gbt" force-page-count="no-force" language="zh" country="CN">
              <xsl:if test="$first"><xsl:attribute name="initial-page-number">1</xsl:attribute></xsl:if>
              <xsl:call-template name="running-header"/>
              <xsl:call-template name="folios"/>
              <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="reg-flow">
                <xsl:apply-templates select="." mode="register-content">
                  <xsl:with-param name="marker" select="concat(r:part/@label, r:part/@title)"/>
                </xsl:apply-templates>
              </fo:flow>
            </fo:page-sequence>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </fo:root>
  </xsl:template>

  <!-- The running header: the register's title
       left and the current part (retrieve-marker "running") right on odd pages, mirrored on
       even pages, a rule below. Laid out as a two-cell table so that each retrieve-marker is
       the only child of its block (see the report: build/gongwen drops a retrieve-marker that
       follows text or a leader inside a block). -->
  <xsl:template name="running-header">
    <fo:static-content flow-name="gw-before-odd">
      <xsl:call-template name="header-table"><xsl:with-param name="marker-first" select="false()"/></xsl:call-template>
    </fo:static-content>
    <fo:static-content flow-name="gw-before-even">
      <xsl:call-template name="header-table"><xsl:with-param name="marker-first" select="true()"/></xsl:call-template>
    </fo:static-content>
  </xsl:template>

  <xsl:template name="header-table">
    <xsl:param name="marker-first"/>
    <!-- the title takes 14 characters' room, the current part the rest (28 characters):
         each stays on one line (wrap-option no-wrap) -->
    <fo:table table-layout="fixed" width="100%" font-family="仿宋" font-size="10.5pt" line-height="14pt"
              gx:grid="false" wrap-option="no-wrap"
              border-after-width="0.5pt" border-after-style="solid" border-after-color="black">
      <xsl:choose>
        <xsl:when test="$marker-first">
          <fo:table-column column-width="proportional-column-width(28)"/>
          <fo:table-column column-width="proportional-column-width(14)"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:table-column column-width="proportional-column-width(14)"/>
          <fo:table-column column-width="proportional-column-width(28)"/>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-body>
        <fo:table-row>
          <fo:table-cell padding-bottom="1.5mm" display-align="after">
            <fo:block text-align="start">
              <xsl:choose>
                <xsl:when test="$marker-first"><fo:retrieve-marker retrieve-class-name="running" retrieve-position="first-including-carryover" retrieve-boundary="document"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$annual-title"/></xsl:otherwise>
              </xsl:choose>
            </fo:block>
          </fo:table-cell>
          <fo:table-cell padding-bottom="1.5mm" display-align="after">
            <fo:block text-align="end">
              <xsl:choose>
                <xsl:when test="$marker-first"><xsl:value-of select="$annual-title"/></xsl:when>
                <xsl:otherwise><fo:retrieve-marker retrieve-class-name="running" retrieve-position="first-including-carryover" retrieve-boundary="document"/></xsl:otherwise>
              </xsl:choose>
            </fo:block>
          </fo:table-cell>
        </fo:table-row>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- Cover: title in 小标宋 (初号-ish 36 pt) a third down, organ and year at the foot. -->
  <xsl:template name="cover">
    <!-- end-on-even: a blank back, so the contents start on a right-hand page (duplex) -->
    <fo:page-sequence master-reference="gb" force-page-count="end-on-even" language="zh" country="CN">
      <fo:flow flow-name="xsl-region-body" gx:grid="false">
        <fo:block-container height="225mm" display-align="before">
          <fo:block font-family="小标宋" font-size="36pt" line-height="54pt" text-align="center"
                    text-align-last="center" space-before="50mm" space-before.conditionality="retain">
            <xsl:value-of select="$organ"/>
          </fo:block>
          <fo:block font-family="小标宋" font-size="36pt" line-height="54pt" text-align="center"
                    text-align-last="center" space-before="8mm">
            <xsl:value-of select="substring-after(r:annual/r:title, '年度')"/>
            <xsl:if test="not(contains(r:annual/r:title, '年度'))"><xsl:value-of select="r:annual/r:title"/></xsl:if>
          </fo:block>
          <fo:block font-family="楷体" font-size="22pt" line-height="36pt" text-align="center"
                    text-align-last="center" space-before="12mm">
            <xsl:value-of select="concat('（', r:annual/@year, '年度）')"/>
          </fo:block>
          <fo:block font-family="仿宋" font-size="16pt" line-height="28.95pt" text-align="center"
                    text-align-last="center" space-before="70mm">
            <xsl:value-of select="$organ"/>
          </fo:block>
          <fo:block font-family="仿宋" font-size="16pt" line-height="28.95pt" text-align="center" text-align-last="center">
            <xsl:value-of select="r:annual/r:title"/>
          </fo:block>
        </fo:block-container>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- 目录: one line per register and regime, dotted leader, page number; regimes indented
       under their part. -->
  <xsl:template name="toc">
    <!-- end-on-even: page 1 of the registers is a right-hand page too -->
    <fo:page-sequence master-reference="gb" force-page-count="end-on-even" language="zh" country="CN">
      <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="16pt" line-height="28.95pt" gx:grid="false">
        <fo:block id="annual-toc" font-family="小标宋" font-size="22pt" text-align="center" text-align-last="center"
                  space-after="28.95pt">目　录</fo:block>
        <xsl:for-each select="$printable">
          <xsl:if test="self::r:regime and generate-id(.) = generate-id($printable[self::r:regime][1])">
            <xsl:call-template name="toc-line">
              <xsl:with-param name="text" select="concat(r:part/@label, r:part/@title)"/>
              <xsl:with-param name="font" select="'黑体'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="toc-line">
            <xsl:with-param name="text">
              <xsl:choose>
                <xsl:when test="self::r:regime"><xsl:value-of select="concat(r:title/@label, r:title)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="concat(r:part/@label, r:part/@title)"/></xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="font">
              <xsl:choose>
                <xsl:when test="self::r:regime">楷体</xsl:when>
                <xsl:otherwise>黑体</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="indent" select="boolean(self::r:regime)"/>
          </xsl:call-template>
        </xsl:for-each>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <xsl:template name="toc-line">
    <xsl:param name="text"/>
    <xsl:param name="font"/>
    <xsl:param name="indent" select="false()"/>
    <fo:block font-family="{$font}" text-align-last="justify" end-indent="2em" last-line-end-indent="-2em">
      <xsl:if test="$indent"><xsl:attribute name="start-indent">2em</xsl:attribute></xsl:if>
      <fo:basic-link internal-destination="{@id}">
        <xsl:value-of select="$text"/>
        <fo:inline font-family="仿宋"><fo:leader leader-pattern="dots"/><fo:page-number-citation ref-id="{@id}"/></fo:inline>
      </fo:basic-link>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
