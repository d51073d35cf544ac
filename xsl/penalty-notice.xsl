<?xml version="1.0" encoding="UTF-8"?>
<!-- penalty-notice.xsl — 行政处罚告知书 from a case whose decision holds a <penalty> (its
     <sanction> numbers the documents); penalty-decision.xsl imports this file and sets
     $which to 'decision' for the 行政处罚决定书. A GB/T 9704 document on the 28 × 22 grid:

       永清县质量技术监督局 / 行政处罚告知书 / 永质监罚告〔2015〕23号
       当事人, 地址, 法定代表人, 联系人, licences
       the facts (the case's <facts>); the statute (sanction/legal-basis) and the regime's
       penalty rule (its section) as the basis; the proposed penalty (拟作出如下行政处罚);
       the right to 陈述、申辩 within the days of the regime's procedure "statement", and —
       when the amount reaches the procedure "hearing"'s min-yuan — the right to 听证 within
       its days (both periods are data of the regime record, <procedures>);
     for the 决定书 instead: the notice served (number and date), the decision, payment
     within the procedure "payment"'s days at the bank of sanction/payment, the surcharge
     (procedure "late-payment"), review within 60 days or litigation within 6 months;
     then the contact lines, organ, date and seal, the copies note.
     Parameters as case-order.xsl. -->
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

  <!-- 'notice' (行政处罚告知书) or 'decision' (行政处罚决定书) -->
  <xsl:variable name="which" select="'notice'"/>
  <xsl:variable name="doc-title">
    <xsl:choose>
      <xsl:when test="$which = 'decision'">行政处罚决定书</xsl:when>
      <xsl:otherwise>行政处罚告知书</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="doc" select="/r:case/r:sanction/*[local-name() = $which]"/>

  <xsl:template match="/">
    <xsl:variable name="docno"><xsl:apply-templates select="$doc" mode="docno"/></xsl:variable>
    <xsl:call-template name="gb-document">
      <xsl:with-param name="title" select="concat($doc-title, ' ', $docno, ' ', r:case/r:enterprise/r:name)"/>
      <xsl:with-param name="creator" select="r:case/r:issuer/r:name"/>
      <xsl:with-param name="copy-labels" select="'第一联　送达当事人|第二联　存档'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- sanction/notice and sanction/decision carry the document-number attributes -->
  <xsl:template match="r:sanction/r:notice | r:sanction/r:decision" mode="docno">
    <xsl:value-of select="concat(@prefix, '〔', @year, '〕')"/>
    <xsl:if test="@ordinal = 'true' or @ordinal = '1'">第</xsl:if>
    <xsl:value-of select="concat(number(@serial), '号')"/>
  </xsl:template>

  <xsl:template match="r:case" mode="document-body">
    <xsl:param name="copy-n" select="1"/>
    <xsl:variable name="c" select="."/>
    <xsl:variable name="pen" select="r:decision/r:penalty"/>
    <xsl:variable name="rule" select="$regime/r:rules/r:penalty[@id = $pen/@rule]"/>
    <xsl:variable name="proc" select="$regime/r:procedures/r:procedure"/>
    <xsl:variable name="docno"><xsl:apply-templates select="$doc" mode="docno"/></xsl:variable>

    <xsl:call-template name="doc-head">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="title" select="$doc-title"/>
      <xsl:with-param name="docno" select="$docno"/>
      <xsl:with-param name="id" select="concat(@id, '-', $which, '-', $copy-n)"/>
    </xsl:call-template>
    <xsl:apply-templates select="r:enterprise" mode="party"/>

    <xsl:for-each select="r:facts/r:p">
      <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>

    <xsl:if test="$which = 'decision'">
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:text>我局于</xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="iso" select="(r:sanction/r:notice/@served | r:sanction/r:notice/@issued)[1]"/></xsl:call-template>
        <xsl:text>向你单位送达了《行政处罚告知书》（</xsl:text>
        <xsl:apply-templates select="r:sanction/r:notice" mode="docno"/>
        <xsl:text>），告知你单位拟作出行政处罚的事实、理由、依据及你单位依法享有的陈述、申辩</xsl:text>
        <xsl:if test="$proc[@id = 'hearing'] and $pen/@amount-yuan &gt;= $proc[@id = 'hearing']/@min-yuan">和要求听证</xsl:if>
        <xsl:text>的权利。</xsl:text>
      </fo:block>
    </xsl:if>

    <!-- basis and penalty -->
    <fo:block xsl:use-attribute-sets="gb-p">
      <xsl:if test="$rule/r:violation">
        <xsl:variable name="v" select="string($rule/r:violation[1])"/>
        <xsl:value-of select="concat('你单位的上述行为属于', $v, substring('的', 1, number(substring($v, string-length($v)) != '的')), '情形。')"/>
      </xsl:if>
      <xsl:text>依据</xsl:text>
      <xsl:call-template name="statute"><xsl:with-param name="basis" select="r:sanction/r:legal-basis"/></xsl:call-template>
      <xsl:if test="$regime and $rule">
        <xsl:text>和</xsl:text>
        <xsl:apply-templates select="$regime" mode="cite"/>
        <xsl:call-template name="cite-sections"><xsl:with-param name="refs" select="$rule/@ref"/></xsl:call-template>
      </xsl:if>
      <xsl:text>的规定，</xsl:text>
      <xsl:choose>
        <xsl:when test="$which = 'decision'">我局决定对你单位作出如下行政处罚：</xsl:when>
        <xsl:otherwise>我局拟对你单位作出如下行政处罚：</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$pen"/>
      <xsl:text>（罚款金额：</xsl:text>
      <xsl:call-template name="amount-fmt"><xsl:with-param name="yuan" select="$pen/@amount-yuan"/></xsl:call-template>
      <xsl:text>元</xsl:text>
      <xsl:variable name="cn"><xsl:call-template name="amount-cn"><xsl:with-param name="yuan" select="$pen/@amount-yuan"/></xsl:call-template></xsl:variable>
      <xsl:if test="string($cn) != ''"><xsl:value-of select="concat('，大写：', $cn)"/></xsl:if>
      <xsl:text>）</xsl:text>
    </fo:block>

    <xsl:choose>
      <xsl:when test="$which = 'decision'">
        <xsl:variable name="pay" select="$proc[@id = 'payment']"/>
        <fo:block xsl:use-attribute-sets="gb-p">
          <xsl:text>你单位应当自收到本决定书之日起</xsl:text>
          <xsl:value-of select="concat($pay/@days, '日内')"/>
          <xsl:if test="r:sanction/r:payment/r:bank">
            <xsl:value-of select="concat('，到', r:sanction/r:payment/r:bank)"/>
            <xsl:if test="r:sanction/r:payment/r:account"><xsl:value-of select="concat('（账号：', r:sanction/r:payment/r:account, '）')"/></xsl:if>
          </xsl:if>
          <xsl:text>缴纳罚款</xsl:text>
          <xsl:if test="$pay"><xsl:value-of select="concat('（', $pay/@basis, '）')"/></xsl:if>
          <xsl:text>。</xsl:text>
          <xsl:for-each select="$proc[@id = 'late-payment']">
            <xsl:value-of select="concat(., '（', @basis, '）。')"/>
          </xsl:for-each>
        </fo:block>
        <xsl:apply-templates select="r:remedies" mode="remedies">
          <xsl:with-param name="what" select="'本决定'"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="st" select="$proc[@id = 'statement']"/>
        <xsl:variable name="hr" select="$proc[@id = 'hearing']"/>
        <fo:block xsl:use-attribute-sets="gb-p">
          <xsl:value-of select="concat('根据', $st/@basis, '的规定，你单位有权进行陈述和申辩，可以自收到本告知书之日起', $st/@days, '日内向我局提出陈述、申辩意见；逾期未提出的，视为放弃此权利。')"/>
        </fo:block>
        <xsl:if test="$hr and ($pen/@amount-yuan &gt;= $hr/@min-yuan)">
          <fo:block xsl:use-attribute-sets="gb-p">
            <xsl:value-of select="concat('根据', $hr/@basis, '的规定，你单位有要求举行听证的权利；要求听证的，应当自收到本告知书之日起', $hr/@days, '日内向我局提出，逾期未提出的，视为放弃此权利。')"/>
          </fo:block>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>

    <xsl:apply-templates select="r:issuer" mode="contact"/>
    <xsl:call-template name="signature">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="iso" select="$doc/@issued"/>
      <xsl:with-param name="note" select="concat('（本', substring($doc-title, 5), '一式两份，一份送达当事人，一份存档。）')"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
