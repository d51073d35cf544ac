<?xml version="1.0" encoding="UTF-8"?>
<!-- case-receipt.xsl — 送达回证 (receipt of service) for one occasion of service: a ruled
     form on the GB/T 9704 page — 送达文书名称及文号 (every document served that day: the
     order, and the 检验报告 or the 行政处罚告知书 when served the same day), 送达机关（印章）
     (a row 44 mm tall: room for the 42 mm seal over the organ's name), 受送达人, 送达地点, 送达时间 (the date of
     service from the record; hour and minute written in by hand), 送达方式 (□ boxes),
     signature boxes for the recipient, a substitute recipient, a witness and the servers,
     备注 with the rule for refused service and the case's notes. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gx="urn:gongwen:fo:1"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="r exsl">

  <xsl:import href="common/base.xsl"/>
  <xsl:import href="common/page.xsl"/>
  <xsl:import href="common/sign.xsl"/>
  <xsl:import href="common/case.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="r:*"/>

  <xsl:template match="/">
    <xsl:variable name="docno"><xsl:apply-templates select="r:case/r:doc-number" mode="docno"/></xsl:variable>
    <xsl:call-template name="gb-document">
      <xsl:with-param name="title" select="concat('送达回证 ', $docno, ' ', r:case/r:enterprise/r:name)"/>
      <xsl:with-param name="creator" select="r:case/r:issuer/r:name"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Which document's service this receipt records: 'order' (the 责令整改通知书 or the
       特种设备安全监察指令书), 'notice' / 'decision' (the 行政处罚告知书 / 决定书:
       penalty-notice-receipt.xsl, penalty-decision-receipt.xsl set it). -->
  <xsl:variable name="receipt-for" select="'order'"/>

  <!-- The documents of a case and the date each was served (empty: not known). -->
  <xsl:variable name="served-docs-rtf">
    <xsl:for-each select="/r:case">
      <doc for="order" served="{(r:dates/r:notice-served | r:dates/r:order-served)[1]}">
        <xsl:apply-templates select="." mode="served-name"/>
        <xsl:text>（</xsl:text><xsl:apply-templates select="r:doc-number" mode="docno"/><xsl:text>）</xsl:text>
      </doc>
      <xsl:if test="r:test/r:report-no">
        <doc for="report" served="{r:dates/r:report-served}">
          <xsl:value-of select="concat('检验报告（', r:test/r:report-no, '）')"/>
        </doc>
      </xsl:if>
      <xsl:for-each select="r:sanction/r:notice | r:sanction/r:decision">
        <doc for="{local-name()}" served="{@served}">
          <xsl:choose>
            <xsl:when test="self::r:notice">行政处罚告知书</xsl:when>
            <xsl:otherwise>行政处罚决定书</xsl:otherwise>
          </xsl:choose>
          <xsl:value-of select="concat('（', @prefix, '〔', @year, '〕')"/>
          <xsl:if test="@ordinal = 'true' or @ordinal = '1'">第</xsl:if>
          <xsl:value-of select="concat(number(@serial), '号）')"/>
        </doc>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>

  <!-- The order's name by case kind. -->
  <xsl:template match="r:case" mode="served-name">
    <xsl:choose>
      <xsl:when test="@kind = 'special-equipment'">特种设备安全监察指令书</xsl:when>
      <xsl:otherwise>责令整改通知书</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:case" mode="document-body">
    <xsl:param name="copy-n" select="1"/>
    <xsl:variable name="docs" select="exsl:node-set($served-docs-rtf)/doc"/>
    <xsl:variable name="own" select="$docs[@for = $receipt-for]"/>
    <xsl:variable name="served" select="string($own/@served)"/>
    <!-- served on this occasion: the receipt's own document and every other document
         served the same day (e.g. the 检验报告 handed over with the order) -->
    <xsl:variable name="listed" select="$own | $docs[$served != '' and @served = $served]"/>
    <xsl:call-template name="doc-head">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="title" select="'送达回证'"/>
      <xsl:with-param name="id" select="concat(@id, '-receipt-', $receipt-for)"/>
    </xsl:call-template>
    <fo:table table-layout="fixed" width="100%" border-collapse="collapse" border="1pt solid black"
              font-size="12pt" line-height="16pt" gx:grid="false" text-align="start">
      <fo:table-column column-width="46mm"/>
      <fo:table-column column-width="proportional-column-width(1)"/>
      <fo:table-body>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'送达文书名称及文号'"/>
          <xsl:with-param name="content">
            <xsl:for-each select="$listed">
              <fo:block><xsl:if test="count($listed) &gt; 1"><xsl:value-of select="concat(position(), '.')"/></xsl:if><xsl:value-of select="."/></fo:block>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
        <!-- room for the round seal (42 mm) over the organ's name -->
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'送达机关（印章）'"/>
          <xsl:with-param name="height" select="'44mm'"/>
          <xsl:with-param name="content"><fo:block text-align="center" text-align-last="center" space-after="12mm"><xsl:value-of select="r:issuer/r:name"/></fo:block></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'受送达人'"/>
          <xsl:with-param name="content"><fo:block><xsl:value-of select="r:enterprise/r:name"/></fo:block></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'送达地点'"/>
          <xsl:with-param name="content"><fo:block><xsl:value-of select="r:enterprise/r:address"/></fo:block></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'送达时间'"/>
          <xsl:with-param name="content">
            <fo:block>
              <xsl:choose>
                <xsl:when test="$served != ''">
                  <xsl:call-template name="date"><xsl:with-param name="iso" select="$served"/></xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:call-template name="blank"><xsl:with-param name="n" select="6"/></xsl:call-template>年<xsl:call-template name="blank"/>月<xsl:call-template name="blank"/>日</xsl:otherwise>
              </xsl:choose>
              <xsl:call-template name="blank"/>时<xsl:call-template name="blank"/>分</fo:block>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'送达方式'"/>
          <xsl:with-param name="content"><fo:block>□直接送达 □留置送达 □邮寄送达 □委托送达</fo:block></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'受送达人签名或盖章'"/>
          <xsl:with-param name="height" select="'18mm'"/>
          <xsl:with-param name="content"><xsl:call-template name="sign-date"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'代收人签名及代收理由'"/>
          <xsl:with-param name="height" select="'12mm'"/>
          <xsl:with-param name="content"><xsl:call-template name="sign-date"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'见证人签名'"/>
          <xsl:with-param name="height" select="'12mm'"/>
          <xsl:with-param name="content"><xsl:call-template name="sign-date"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'送达人签名'"/>
          <xsl:with-param name="height" select="'12mm'"/>
          <xsl:with-param name="content"><xsl:call-template name="sign-date"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="row">
          <xsl:with-param name="label" select="'备注'"/>
          <xsl:with-param name="height" select="'10mm'"/>
          <xsl:with-param name="content">
            <xsl:for-each select="r:note"><fo:block><xsl:value-of select="."/></fo:block></xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </fo:table-body>
    </fo:table>
    <fo:block font-size="10.5pt" line-height="16pt" gx:grid="false" space-before="2mm" text-align="justify">注：受送达人拒绝接收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，在送达回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所，即视为送达。</fo:block>
  </xsl:template>

  <!-- A form row: the label cell (centred) and the content cell. -->
  <xsl:template name="row">
    <xsl:param name="label"/>
    <xsl:param name="content"/>
    <xsl:param name="height" select="''"/>
    <fo:table-row keep-together.within-page="always">
      <xsl:if test="$height != ''"><xsl:attribute name="height"><xsl:value-of select="$height"/></xsl:attribute></xsl:if>
      <fo:table-cell border="1pt solid black" padding="1.5mm" display-align="center">
        <fo:block text-align="center" text-align-last="center"><xsl:value-of select="$label"/></fo:block>
      </fo:table-cell>
      <fo:table-cell border="1pt solid black" padding="1.5mm" display-align="center">
        <xsl:if test="$height != ''"><xsl:attribute name="display-align">after</xsl:attribute></xsl:if>
        <xsl:copy-of select="$content"/>
        <xsl:if test="normalize-space($content) = ''"><fo:block>&#xA0;</fo:block></xsl:if>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- A signature box's date line, bottom right: 年　月　日 -->
  <xsl:template name="sign-date">
    <fo:block text-align="end" end-indent="4mm">年<xsl:call-template name="blank"/>月<xsl:call-template name="blank"/>日</fo:block>
  </xsl:template>

  <!-- An underlined fill-in blank of $n ideographic spaces. -->
  <xsl:template name="blank">
    <xsl:param name="n" select="3"/>
    <fo:inline text-decoration="underline">
      <xsl:value-of select="substring('　　　　　　　　　　　　　　　　　　　　', 1, $n)"/>
    </fo:inline>
  </xsl:template>
</xsl:stylesheet>
