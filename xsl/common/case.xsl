<?xml version="1.0" encoding="UTF-8"?>
<!-- common/case.xsl — pieces of the enforcement documents made from a case or an inspection:
     the document head (organ, title, number), the party lines, dates derived from the
     regime's deadline rules, the review/litigation notice, GB/T 9704 page sequences with
     optional copies (第一联 / 第二联). -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format"
                xmlns:r="urn:gongwen:record:1"
                xmlns:gx="urn:gongwen:fo:1"
                exclude-result-prefixes="r">

  <!-- copies: '' = one copy, the copy note says how many are made; 'both' = the copies one
       after the other, each headed by which copy it is (copy-labels, '|'-separated). -->
  <xsl:param name="copies" select="''"/>

  <!-- The regime the record refers to (its first <applies> or @regime), or empty. -->
  <xsl:variable name="regime-uri">
    <xsl:call-template name="regime-uri">
      <xsl:with-param name="id" select="(/r:case/r:applies/@regime | /r:inspection/@regime)[1]"/>
    </xsl:call-template>
  </xsl:variable>
  <xsl:variable name="regime" select="document(string($regime-uri), /)/r:regime"/>

  <!-- Head: organ name and title (2号小标宋, centred), document number centred below. -->
  <xsl:template name="doc-head">
    <xsl:param name="organ"/>
    <xsl:param name="title"/>
    <xsl:param name="docno" select="''"/>
    <xsl:param name="id" select="''"/>
    <fo:block xsl:use-attribute-sets="gb-title">
      <xsl:if test="$id != ''"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$organ"/>
    </fo:block>
    <fo:block xsl:use-attribute-sets="gb-title">
      <xsl:if test="$docno = ''"><xsl:attribute name="space-after"><xsl:value-of select="$gb-line-pt"/></xsl:attribute></xsl:if>
      <xsl:value-of select="$title"/>
    </fo:block>
    <xsl:if test="$docno != ''">
      <fo:block text-align="center" text-align-last="center" space-after="{$gb-line-pt}" keep-with-next.within-page="always">
        <xsl:value-of select="$docno"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- A labelled line, flush left: 当事人：永清县华通电线电缆有限公司 (nothing when empty). -->
  <xsl:template name="field">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <xsl:if test="string($value) != ''">
      <fo:block start-indent="{string-length($label) * $gb-char}pt" text-indent="-{string-length($label) * $gb-char}pt" text-align="start">
        <xsl:value-of select="concat($label, $value)"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- The party of a case: name, address, legal representative, contact, licences. -->
  <xsl:template match="r:enterprise | r:unit" mode="party">
    <xsl:param name="caption" select="'当事人：'"/>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="$caption"/>
      <xsl:with-param name="value" select="r:name"/>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="'地址：'"/>
      <xsl:with-param name="value" select="r:address"/>
    </xsl:call-template>
    <xsl:call-template name="field">
      <xsl:with-param name="label" select="'法定代表人：'"/>
      <xsl:with-param name="value" select="r:legal-representative"/>
    </xsl:call-template>
    <xsl:for-each select="r:contact">
      <fo:block text-align="start">
        <xsl:value-of select="concat('联系人：', r:name)"/>
        <xsl:if test="r:phone">
          <xsl:text>　　</xsl:text>
          <xsl:value-of select="concat('联系电话：', r:phone)"/>
        </xsl:if>
      </fo:block>
    </xsl:for-each>
    <xsl:for-each select="r:licence">
      <xsl:call-template name="field">
        <xsl:with-param name="label" select="concat(@kind, '：')"/>
        <xsl:with-param name="value" select="@number"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The ISO date of a derived date element (rectify-by, objection-by): computed as the
       regime's deadline rule says (gw:deadline(dates/<from>, days)); the stored value when
       the rule or the start date is not at hand. A stored value that disagrees is noted. -->
  <xsl:template match="*" mode="derived-date">
    <xsl:variable name="rule" select="$regime/r:rules/r:deadline[@id = current()/@deadline]"/>
    <xsl:variable name="from" select="ancestor::r:case/r:dates/*[local-name() = current()/@from]"/>
    <xsl:choose>
      <xsl:when test="@deadline and $rule/@days and string($from) != ''">
        <xsl:variable name="computed">
          <xsl:call-template name="deadline">
            <xsl:with-param name="from" select="string($from)"/>
            <xsl:with-param name="days" select="$rule/@days"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:if test="string($computed) != normalize-space(.)">
          <xsl:message>warning: <xsl:value-of select="local-name()"/> is <xsl:value-of select="normalize-space(.)"/> in the record, but <xsl:value-of select="@from"/> (<xsl:value-of select="$from"/>) + <xsl:value-of select="$rule/@days"/> days (<xsl:value-of select="$regime/@id"/>, rule <xsl:value-of select="@deadline"/>) = <xsl:value-of select="$computed"/>; printing <xsl:value-of select="$computed"/></xsl:message>
        </xsl:if>
        <xsl:value-of select="$computed"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 依据 a regime section: 《事中事后监督管理制度（六）…》四（六）2 -->
  <xsl:template name="cite-sections">
    <xsl:param name="refs"/>
    <xsl:for-each select="$regime//r:section[@id = $refs]">
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:apply-templates select="." mode="cite"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The statute a document rests on: 《中华人民共和国产品质量法》第十七条 (several joined
       by 、, each law once with its articles in order of the record). $basis: legal-basis
       elements. -->
  <xsl:template name="statute">
    <xsl:param name="basis"/>
    <xsl:for-each select="$basis">
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:value-of select="concat(@law, @article)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- 如不服本通知/指令，可以自收到之日起60日内向…申请行政复议，或者6个月内向…提起行政诉讼。 -->
  <xsl:template match="r:remedies" mode="remedies">
    <xsl:param name="what" select="'本通知书'"/>
    <xsl:param name="tail" select="''"/>
    <fo:block xsl:use-attribute-sets="gb-p">
      <xsl:value-of select="concat('如不服', $what, '，可以自收到', $what, '之日起60日内向')"/>
      <xsl:for-each select="r:review-body">
        <xsl:if test="position() &gt; 1">或者</xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
      <xsl:value-of select="concat('申请行政复议，也可以自收到', $what, '之日起6个月内直接向', r:court, '提起行政诉讼。', $tail)"/>
    </fo:block>
  </xsl:template>

  <!-- Issuing body's contact lines (承办股室：质量监督股 / 联系电话：0316-6686036 / 地址),
       one block kept together and with the text before it: the first link of the
       closing chain (common/sign.xsl), so the lines never split from each other. -->
  <xsl:template match="r:issuer" mode="contact">
    <xsl:if test="r:office | r:phone | r:address">
      <fo:block keep-together.within-page="always" keep-with-previous.within-page="always" text-align="start">
        <xsl:if test="r:office">
          <fo:block xsl:use-attribute-sets="gb-p">
            <xsl:text>承办股室：</xsl:text>
            <xsl:for-each select="r:office">
              <xsl:if test="position() &gt; 1">、</xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </fo:block>
        </xsl:if>
        <xsl:if test="r:phone">
          <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="concat('联系电话：', r:phone)"/></fo:block>
        </xsl:if>
        <xsl:if test="r:address">
          <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="concat('地址：', r:address)"/></fo:block>
        </xsl:if>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- A GB/T 9704 document of one or more copies; the content comes from mode
       "document-body" on the record's root, with the copy label as parameter. -->
  <xsl:template name="gb-document">
    <xsl:param name="title"/>
    <xsl:param name="creator" select="''"/>
    <xsl:param name="copy-labels" select="''"/>
    <fo:root xml:lang="zh-CN">
      <xsl:call-template name="page-masters"/>
      <xsl:call-template name="metadata">
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="creator" select="$creator"/>
        <xsl:with-param name="description" select="/*/@id"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$copies = 'both' and $copy-labels != ''">
          <xsl:call-template name="gb-copies"><xsl:with-param name="labels" select="concat($copy-labels, '|')"/></xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="gb-sequence"/>
        </xsl:otherwise>
      </xsl:choose>
    </fo:root>
  </xsl:template>

  <xsl:template name="gb-copies">
    <xsl:param name="labels"/>
    <xsl:param name="n" select="1"/>
    <xsl:if test="contains($labels, '|')">
      <xsl:call-template name="gb-sequence">
        <xsl:with-param name="copy" select="substring-before($labels, '|')"/>
        <xsl:with-param name="n" select="$n"/>
      </xsl:call-template>
      <xsl:call-template name="gb-copies">
        <xsl:with-param name="labels" select="substring-after($labels, '|')"/>
        <xsl:with-param name="n" select="$n + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="gb-sequence">
    <xsl:param name="copy" select="''"/>
    <xsl:param name="n" select="1"/>
    <fo:page-sequence master-reference="gb" initial-page-number="1" language="zh" country="CN">
      <xsl:call-template name="folios"/>
      <fo:flow flow-name="xsl-region-body" xsl:use-attribute-sets="gb-flow">
        <xsl:if test="$copy != ''">
          <fo:block text-align="end" font-size="14pt" gx:grid="false" keep-with-next.within-page="always"><xsl:value-of select="$copy"/></fo:block>
        </xsl:if>
        <xsl:apply-templates select="/*" mode="document-body">
          <xsl:with-param name="copy-n" select="$n"/>
        </xsl:apply-templates>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>
</xsl:stylesheet>
