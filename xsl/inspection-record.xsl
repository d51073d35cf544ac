<?xml version="1.0" encoding="UTF-8"?>
<!-- inspection-record.xsl — 现场检查笔录 from an inspection record (record kind "inspection"),
     on the GB/T 9704 page and grid:

       永清县质量技术监督局 / 现场检查笔录 (/ number, when the record has one)
       检查时间 (date, from–to), 检查地点, 被检查单位, 地址, 法定代表人, 现场负责人 (position,
       phone), licences, 检查人员 with their enforcement IDs (and 特种设备安全监察人员证),
       记录人, 检查依据 (the regime); 告知 (what the inspectors told the party); each check
       item with the regime clause, result (符合 / 不符合 / 不适用) and finding; the problems;
       the party's opinion and the signatures of the party, the inspectors, the recorder and
       a named witness as blank lines to write on (never printed from the record); notes.

     Every page carries the inspectors' and the party's signature blanks and 第N页 共M页
     below the page number (regime 7 四: the record is signed by the inspectors and the
     party; 49-form practice: on every page). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gx="urn:gongwen:fo:1"
                exclude-result-prefixes="r">

  <xsl:import href="common/base.xsl"/>
  <xsl:import href="common/page.xsl"/>
  <xsl:import href="common/sign.xsl"/>
  <xsl:import href="common/case.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="r:*"/>

  <xsl:variable name="doc-title" select="'现场检查笔录'"/>

  <xsl:template match="/">
    <xsl:variable name="i" select="r:inspection"/>
    <fo:root xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <xsl:call-template name="metadata">
        <xsl:with-param name="title" select="concat($doc-title, ' ', $i/r:time/@date, ' ', $i/r:unit/r:name)"/>
        <xsl:with-param name="creator" select="$i/r:issuer/r:name"/>
        <xsl:with-param name="description" select="$i/@id"/>
      </xsl:call-template>
      <fo:page-sequence master-reference="gb" id="{$i/@id}-pages" initial-page-number="1" language="zh" country="CN">
        <xsl:call-template name="folios">
          <xsl:with-param name="extra">
            <fo:block font-family="仿宋" font-size="10.5pt" line-height="14pt" space-before="3mm" gx:grid="false"
                      text-align="justify" text-align-last="justify">
              <xsl:text>检查人员签字：</xsl:text>
              <fo:inline text-decoration="underline">　　　　　　　　</fo:inline>
              <xsl:text>　被检查单位负责人签字：</xsl:text>
              <fo:inline text-decoration="underline">　　　　　</fo:inline>
              <fo:leader leader-pattern="space"/>
              <xsl:text>第</xsl:text><fo:page-number/><xsl:text>页　共</xsl:text><fo:page-number-citation-last ref-id="{$i/@id}-pages"/><xsl:text>页</xsl:text>
            </fo:block>
          </xsl:with-param>
        </xsl:call-template>
        <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="gb-flow">
          <xsl:apply-templates select="$i" mode="document-body"/>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <xsl:template match="r:inspection" mode="document-body">
    <xsl:variable name="docno"><xsl:apply-templates select="r:doc-number" mode="docno"/></xsl:variable>
    <xsl:call-template name="doc-head">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="title" select="$doc-title"/>
      <xsl:with-param name="docno" select="$docno"/>
      <xsl:with-param name="id" select="@id"/>
    </xsl:call-template>

    <fo:block>
      <xsl:text>检查时间：</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="r:time/@date"/></xsl:call-template>
      <xsl:call-template name="time-cn"><xsl:with-param name="hhmm" select="r:time/@from"/></xsl:call-template>
      <xsl:text>至</xsl:text>
      <xsl:call-template name="time-cn"><xsl:with-param name="hhmm" select="r:time/@to"/></xsl:call-template>
    </fo:block>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="'检查地点：'"/>
      <xsl:with-param name="value" select="r:place"/>
    </xsl:call-template>
    <xsl:apply-templates select="r:unit" mode="party">
      <xsl:with-param name="caption" select="'被检查单位：'"/>
    </xsl:apply-templates>
    <xsl:for-each select="r:unit/r:representative">
      <fo:block text-align="start">
        <xsl:value-of select="concat('现场负责人：', r:name, '　职务：', r:position)"/>
        <xsl:if test="r:phone"><xsl:value-of select="concat('　联系电话：', r:phone)"/></xsl:if>
      </fo:block>
    </xsl:for-each>
    <fo:block start-indent="{5 * $gb-char}pt" text-indent="-{5 * $gb-char}pt" text-align="start">
      <xsl:text>检查人员：</xsl:text>
      <xsl:for-each select="r:inspectors/r:inspector">
        <xsl:if test="position() &gt; 1">；</xsl:if>
        <xsl:value-of select="concat(r:name, '（执法证号：', r:enforcement-id)"/>
        <xsl:if test="r:se-cert"><xsl:value-of select="concat('，特种设备安全监察人员证：', r:se-cert)"/></xsl:if>
        <xsl:text>）</xsl:text>
      </xsl:for-each>
    </fo:block>
    <fo:block>
      <xsl:value-of select="concat('记录人：', r:recorder/r:name)"/>
      <xsl:if test="r:recorder/r:enforcement-id"><xsl:value-of select="concat('（执法证号：', r:recorder/r:enforcement-id, '）')"/></xsl:if>
    </fo:block>
    <xsl:if test="$regime">
      <fo:block start-indent="{5 * $gb-char}pt" text-indent="-{5 * $gb-char}pt">
        <xsl:text>检查依据：</xsl:text>
        <xsl:apply-templates select="$regime" mode="cite"/>
      </fo:block>
    </xsl:if>

    <xsl:if test="r:notice">
      <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="concat('告知：', r:notice)"/></fo:block>
    </xsl:if>

    <fo:block font-family="黑体" keep-with-next.within-page="always">检查情况：</fo:block>
    <xsl:for-each select="r:checks/r:check">
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:value-of select="concat(position(), '.', r:item)"/>
      </fo:block>
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:text>检查结果：</xsl:text>
        <xsl:choose>
          <xsl:when test="@result = 'conforming'">符合</xsl:when>
          <xsl:when test="@result = 'nonconforming'">不符合</xsl:when>
          <xsl:otherwise>不适用</xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat('。', r:finding)"/>
      </fo:block>
    </xsl:for-each>

    <!-- the last block of content (problem or note) keeps with the one before it and the
         closing with it: the last page holds at least two blocks of content, never the
         signatures alone, and the chain is short, so the page before stays full -->
    <fo:block font-family="黑体" keep-with-next.within-page="always">发现的问题：</fo:block>
    <xsl:choose>
      <xsl:when test="r:problems/r:problem">
        <xsl:for-each select="r:problems/r:problem">
          <fo:block xsl:use-attribute-sets="gb-p">
            <xsl:if test="position() = last() and not(../../r:note)"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
            <xsl:value-of select="concat(position(), '.', .)"/>
          </fo:block>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><fo:block xsl:use-attribute-sets="gb-p">未发现问题。</fo:block></xsl:otherwise>
    </xsl:choose>

    <xsl:for-each select="r:note">
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:if test="position() = last()"><xsl:attribute name="keep-with-previous.within-page">always</xsl:attribute></xsl:if>
        <xsl:value-of select="concat('备注：', .)"/>
      </fo:block>
    </xsl:for-each>

    <!-- The closing, written by hand: the party's opinion (blank ruled lines: 以上记录我已看过，
         与事实相符 or otherwise) and every signature (blank lines; a named witness gets
         one with the name as its label). Nothing of it is printed from the record (its
         <statement> is the archive's copy of what was written). Kept together and with the
         last lines of the content, so no page holds the closing alone; it is 6 lines (7 with
         a witness), so the page before is never left less than half full. -->
    <fo:block-container keep-together.within-page="always" keep-with-previous.within-page="always" text-align="start">
      <fo:block text-align-last="justify">
        <fo:inline font-family="黑体">被检查单位意见：</fo:inline>
        <fo:leader leader-pattern="rule" rule-thickness="0.5pt"/>
      </fo:block>
      <xsl:call-template name="ruled-line"/>
      <xsl:call-template name="ruled-line"/>
      <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'被检查单位负责人签字：'"/></xsl:call-template>
      <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'检查人员签字：'"/><xsl:with-param name="two" select="true()"/></xsl:call-template>
      <xsl:call-template name="sign-line"><xsl:with-param name="label" select="'记录人签字：'"/></xsl:call-template>
      <xsl:for-each select="r:witness">
        <xsl:call-template name="sign-line">
          <xsl:with-param name="label" select="concat('见证人（', r:name, '）签字：')"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block-container>
  </xsl:template>
  <!-- A full ruled line to write on. -->
  <xsl:template name="ruled-line">
    <fo:block text-align-last="justify"><fo:leader leader-pattern="rule" rule-thickness="0.5pt"/></fo:block>
  </xsl:template>

  <!-- A signature line: label, a blank (two when two), the date to write in. -->
  <xsl:template name="sign-line">
    <xsl:param name="label"/>
    <xsl:param name="two" select="false()"/>
    <fo:block text-align-last="justify">
      <xsl:value-of select="$label"/>
      <fo:inline text-decoration="underline">　　　　　　</fo:inline>
      <xsl:if test="$two">　<fo:inline text-decoration="underline">　　　　　　</fo:inline></xsl:if>
      <fo:leader leader-pattern="space"/>
      <xsl:text>年　月　日</xsl:text>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
