<?xml version="1.0" encoding="UTF-8"?>
<!-- case-directive.xsl — 特种设备安全监察指令书 from a special-equipment case (record kind
     "case", kind="special-equipment"), a GB/T 9704 document on the 28 × 22 grid:

       永清县质量技术监督局 / 特种设备安全监察指令书 / 永质监特令〔2015〕第3号
       被检查单位, 地址, 法定代表人, 联系人, licences
       the equipment; the problems found (the regime's check items are internal: not printed);
       the facts; the provisions violated (《…》第×条, collected from the problems); the statute the directive rests on
       (legal-basis: 《中华人民共和国特种设备安全法》第六十二条); "责令你单位于×年×月×日前…改正" and the measures; review within 60
       days or litigation within 6 months, "复议或者诉讼期间，不得停止改正"; signatures of
       the 特种设备安全监察人员 (with their certificates) and of the unit's representative;
       organ, （特种设备安全监察专用章）, date; 本指令书一式两份，发出部门、被检查单位各一份.

     Regime 7 states no number of days for correcting, so the deadline is the inspectors'
     (decision/rectify-by); when a case's rectify-by names a deadline rule, it is computed
     from the regime like the 责令整改通知书. Parameters as case-order.xsl. -->
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

  <xsl:variable name="doc-title" select="'特种设备安全监察指令书'"/>

  <xsl:template match="/">
    <xsl:variable name="docno"><xsl:apply-templates select="r:case/r:doc-number" mode="docno"/></xsl:variable>
    <xsl:call-template name="gb-document">
      <xsl:with-param name="title" select="concat($doc-title, ' ', $docno, ' ', r:case/r:enterprise/r:name)"/>
      <xsl:with-param name="creator" select="r:case/r:issuer/r:name"/>
      <xsl:with-param name="copy-labels" select="'第一联　被检查单位|第二联　发出部门存档'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:case" mode="document-body">
    <xsl:param name="copy-n" select="1"/>
    <xsl:variable name="c" select="."/>
    <xsl:variable name="docno"><xsl:apply-templates select="r:doc-number" mode="docno"/></xsl:variable>
    <xsl:variable name="rectify-by"><xsl:apply-templates select="r:decision/r:rectify-by" mode="derived-date"/></xsl:variable>

    <xsl:call-template name="doc-head">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="title" select="$doc-title"/>
      <xsl:with-param name="docno" select="$docno"/>
      <xsl:with-param name="id" select="concat(@id, '-', $copy-n)"/>
    </xsl:call-template>

    <xsl:apply-templates select="r:enterprise" mode="party">
      <xsl:with-param name="caption" select="'被检查单位：'"/>
    </xsl:apply-templates>

    <!-- equipment -->
    <xsl:for-each select="r:equipment">
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:value-of select="concat('设备', position(), '：', r:category, '　', r:name, '，型号', r:model)"/>
        <xsl:if test="r:factory-no"><xsl:value-of select="concat('，出厂编号', r:factory-no)"/></xsl:if>
        <xsl:if test="r:registration-no"><xsl:value-of select="concat('，使用登记证编号', r:registration-no)"/></xsl:if>
        <xsl:if test="r:manufacturer"><xsl:value-of select="concat('，制造单位', r:manufacturer)"/></xsl:if>
        <xsl:value-of select="concat('，设备位置：', r:location)"/>
        <xsl:if test="r:inspection-due">
          <xsl:text>，下次检验日期：</xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="iso" select="r:inspection-due"/></xsl:call-template>
        </xsl:if>
        <xsl:text>。</xsl:text>
      </fo:block>
    </xsl:for-each>

    <!-- problems -->
    <fo:block xsl:use-attribute-sets="gb-p" keep-with-next.within-page="always">经检查，你单位存在下列问题：</fo:block>
    <xsl:for-each select="r:findings/r:problem">
      <xsl:variable name="eq" select="$c/r:equipment[@id = current()/@equipment]"/>
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:value-of select="concat(position(), '.')"/>
        <xsl:if test="$eq"><xsl:value-of select="concat('（', $eq/r:name, '）')"/></xsl:if>
        <xsl:value-of select="r:text"/>
      </fo:block>
    </xsl:for-each>

    <xsl:for-each select="r:facts/r:p">
      <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>

    <!-- provisions violated, basis, order -->
    <fo:block xsl:use-attribute-sets="gb-p">
      <xsl:if test="r:findings/r:problem/r:violates">
        <xsl:text>上述问题违反了</xsl:text>
        <!-- 《中华人民共和国特种设备安全法》第三十三条、第三十五条 (each law once, its articles in order) -->
        <xsl:for-each select="r:findings/r:problem/r:violates[not(@law = preceding::r:violates/@law)]">
          <xsl:variable name="law" select="@law"/>
          <xsl:if test="position() &gt; 1">，</xsl:if>
          <xsl:value-of select="$law"/>
          <xsl:variable name="arts">
            <xsl:for-each select="$c/r:findings/r:problem/r:violates[@law = $law and @article]">
              <xsl:if test="not(preceding::r:violates[@law = $law and @article = current()/@article])">
                <xsl:value-of select="concat('、', @article)"/>
              </xsl:if>
            </xsl:for-each>
          </xsl:variable>
          <xsl:value-of select="substring-after($arts, '、')"/>
        </xsl:for-each>
        <xsl:text>的规定。</xsl:text>
      </xsl:if>
      <xsl:text>依据</xsl:text>
      <xsl:call-template name="statute"><xsl:with-param name="basis" select="r:legal-basis"/></xsl:call-template>
      <xsl:text>的规定，</xsl:text>
      <xsl:text>现责令你单位于</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="$rectify-by"/></xsl:call-template>
      <xsl:text>前采取以下措施予以改正或者消除事故隐患：</xsl:text>
    </fo:block>
    <xsl:for-each select="r:decision/r:measure">
      <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="concat(position(), '.', .)"/></fo:block>
    </xsl:for-each>
    <xsl:apply-templates select="r:remedies" mode="remedies">
      <xsl:with-param name="what" select="'本指令'"/>
      <xsl:with-param name="tail" select="'复议或者诉讼期间，不得停止改正。'"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="r:issuer" mode="contact"/>

    <!-- signatures of the inspectors and of the unit -->
    <fo:block-container keep-together.within-page="always" keep-with-previous.within-page="always" padding-top="{$gb-line-pt}" text-align="start" text-align-last="start">
      <fo:block>
        <xsl:text>特种设备安全监察人员（签名）：</xsl:text>
        <fo:inline text-decoration="underline">　　　　　　　　　　　　</fo:inline>
      </fo:block>
      <xsl:for-each select="r:inspectors/r:inspector">
        <fo:block start-indent="{2 * $gb-char}pt">
          <xsl:value-of select="concat(r:name, '　执法证', r:enforcement-id, '　监察证', r:se-cert)"/>
        </fo:block>
      </xsl:for-each>
      <fo:block>
        <xsl:text>被检查单位负责人（签名）：</xsl:text>
        <fo:inline text-decoration="underline">　　　　　</fo:inline>
        <xsl:text>　年　月　日</xsl:text>
      </fo:block>
    </fo:block-container>

    <xsl:call-template name="signature">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="caption" select="substring(concat('（', r:issuer/r:seal, '）'), 1, 100 * boolean(r:issuer/r:seal))"/>
      <xsl:with-param name="iso" select="r:issued/@date"/>
      <xsl:with-param name="note" select="'（本指令书一式两份，发出部门、被检查单位各一份。）'"/>
    </xsl:call-template>
    <xsl:for-each select="r:note">
      <fo:block xsl:use-attribute-sets="gb-p" keep-with-previous.within-page="always"><xsl:value-of select="concat('附注：', .)"/></fo:block>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
