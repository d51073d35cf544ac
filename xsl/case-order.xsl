<?xml version="1.0" encoding="UTF-8"?>
<!-- case-order.xsl — 责令整改通知书 from a product-sampling case (record kind "case",
     kind="product-sampling"), a GB/T 9704 document on the 28 × 22 grid:

       永清县质量技术监督局 / 责令整改通知书 / 永质监责改〔2015〕14号
       当事人, 地址, 法定代表人, 联系人, licences
       the facts found; the sampling and test (task, product, lab, report number, standard);
       the failed items with the standard and clause cited; the statute (legal-basis, e.g.
       《中华人民共和国产品质量法》第十七条) and the regime's deadline rule as procedure; "现责令你单位于2015年9月2日前改正" with the date computed from the
       regime's rule (notice served + 30 days, gw:deadline); the measures (a penalty is never
       decided here: penalty-notice.xsl, penalty-decision.xsl); re-inspection within 15 days; objection to
       the test result within 15 days of receiving the report (date computed); review within
       60 days or litigation within 6 months; the office and phone; organ, date and seal;
       本通知书一式两份….

     Parameters: date-style ('upper'), copies ('both': 第一联 送达当事人 + 第二联 存档),
     regime-href / regime-dir (see common/base.xsl). -->
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

  <xsl:variable name="doc-title" select="'责令整改通知书'"/>

  <xsl:template match="/">
    <xsl:variable name="docno"><xsl:apply-templates select="r:case/r:doc-number" mode="docno"/></xsl:variable>
    <xsl:call-template name="gb-document">
      <xsl:with-param name="title" select="concat($doc-title, ' ', $docno, ' ', r:case/r:enterprise/r:name)"/>
      <xsl:with-param name="creator" select="r:case/r:issuer/r:name"/>
      <xsl:with-param name="copy-labels" select="'第一联　送达当事人|第二联　存档'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:case" mode="document-body">
    <xsl:param name="copy-n" select="1"/>
    <xsl:variable name="c" select="."/>
    <xsl:variable name="docno"><xsl:apply-templates select="r:doc-number" mode="docno"/></xsl:variable>
    <xsl:variable name="rectify-by"><xsl:apply-templates select="r:decision/r:rectify-by" mode="derived-date"/></xsl:variable>
    <xsl:variable name="objection-by"><xsl:apply-templates select="r:decision/r:objection-by" mode="derived-date"/></xsl:variable>
    <xsl:variable name="p" select="r:sampling/r:product"/>

    <xsl:call-template name="doc-head">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="title" select="$doc-title"/>
      <xsl:with-param name="docno" select="$docno"/>
      <xsl:with-param name="id" select="concat(@id, '-', $copy-n)"/>
    </xsl:call-template>

    <xsl:apply-templates select="r:enterprise" mode="party"/>

    <!-- facts found -->
    <xsl:choose>
      <xsl:when test="r:facts/r:p">
        <xsl:for-each select="r:facts/r:p">
          <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="."/></fo:block>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="gb-p">
          <xsl:call-template name="date"><xsl:with-param name="iso" select="r:dates/r:sampled"/></xsl:call-template>
          <xsl:value-of select="concat('，我局依法对你单位生产的', $p/r:name, '进行了产品质量监督抽查，经', r:test/r:lab, '检验，检验结论为', r:test/r:conclusion, '。')"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>

    <!-- sampling and test -->
    <fo:block xsl:use-attribute-sets="gb-p">
      <xsl:if test="r:sampling/r:task"><xsl:value-of select="concat('抽查任务：', r:sampling/r:task, '；')"/></xsl:if>
      <xsl:text>抽样日期：</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="r:dates/r:sampled"/></xsl:call-template>
      <xsl:value-of select="concat('；抽样地点：', r:sampling/r:place, '；产品名称：', $p/r:name)"/>
      <xsl:if test="$p/r:brand"><xsl:value-of select="concat('；商标：', $p/r:brand)"/></xsl:if>
      <xsl:value-of select="concat('；规格型号：', $p/r:spec, '；批号：', $p/r:batch)"/>
      <xsl:if test="$p/r:production-date">
        <xsl:text>；生产日期：</xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="iso" select="$p/r:production-date"/></xsl:call-template>
      </xsl:if>
      <xsl:value-of select="concat('；抽样数量：', $p/r:quantity, $p/r:quantity/@unit)"/>
      <xsl:if test="$p/r:base"><xsl:value-of select="concat('；抽样基数：', $p/r:base, $p/r:base/@unit)"/></xsl:if>
      <xsl:value-of select="concat('；检验机构：', r:test/r:lab, '；检验报告编号：', r:test/r:report-no)"/>
      <xsl:if test="r:dates/r:report-issued">
        <xsl:text>（</xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="iso" select="r:dates/r:report-issued"/></xsl:call-template>
        <xsl:text>签发）</xsl:text>
      </xsl:if>
      <xsl:if test="r:test/r:standard">
        <xsl:text>；检验依据：</xsl:text>
        <xsl:for-each select="r:test/r:standard">
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:value-of select="concat(@code, .)"/>
        </xsl:for-each>
      </xsl:if>
      <xsl:value-of select="concat('；检验结论：', r:test/r:conclusion, '。')"/>
    </fo:block>

    <!-- failed items -->
    <fo:block xsl:use-attribute-sets="gb-p" keep-with-next.within-page="always">不合格项目如下：</fo:block>
    <xsl:for-each select="r:test/r:failed-item">
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:value-of select="concat(position(), '.', r:name, '：标准要求', r:requirement, '，实测结果', r:measured, '（', r:standard/@code, r:standard)"/>
        <xsl:if test="r:standard/@clause"><xsl:value-of select="r:standard/@clause"/></xsl:if>
        <xsl:text>）。</xsl:text>
      </fo:block>
    </xsl:for-each>

    <!-- the rule violated and the order -->
    <fo:block xsl:use-attribute-sets="gb-p">
      <xsl:text>你单位生产的上述产品不符合</xsl:text>
      <xsl:for-each select="r:test/r:failed-item/r:standard[not(@code = preceding::r:failed-item/r:standard/@code)]">
        <xsl:if test="position() &gt; 1">、</xsl:if>
        <xsl:value-of select="concat(@code, .)"/>
      </xsl:for-each>
      <xsl:text>的要求，经监督抽查判定为不合格产品。</xsl:text>
      <xsl:text>依据</xsl:text>
      <xsl:call-template name="statute"><xsl:with-param name="basis" select="r:legal-basis"/></xsl:call-template>
      <xsl:text>的规定</xsl:text>
      <xsl:variable name="rect-rule" select="$regime/r:rules/r:deadline[@id = $c/r:decision/r:rectify-by/@deadline]"/>
      <xsl:if test="$regime and $rect-rule">
        <xsl:text>，按照</xsl:text>
        <xsl:apply-templates select="$regime" mode="cite"/>
        <xsl:call-template name="cite-sections"><xsl:with-param name="refs" select="$rect-rule/@ref"/></xsl:call-template>
        <xsl:text>“</xsl:text>
        <xsl:value-of select="$rect-rule"/>
        <xsl:text>”的程序</xsl:text>
      </xsl:if>
      <xsl:text>，</xsl:text>
      <xsl:text>现责令你单位于</xsl:text>
      <xsl:call-template name="date"><xsl:with-param name="iso" select="$rectify-by"/></xsl:call-template>
      <xsl:text>前改正，并做到：</xsl:text>
    </fo:block>
    <xsl:for-each select="r:decision/r:measure">
      <fo:block xsl:use-attribute-sets="gb-p"><xsl:value-of select="concat(position(), '.', .)"/></fo:block>
    </xsl:for-each>

    <!-- re-inspection -->
    <xsl:variable name="reinspect-days" select="($regime/r:rules/r:deadline[@id = $c/r:decision/r:reinspect-within/@deadline]/@days | r:decision/r:reinspect-within/@days)[1]"/>
    <fo:block xsl:use-attribute-sets="gb-p">
      <xsl:text>整改完成后，你单位应当向我局提交整改报告，提出复查申请</xsl:text>
      <xsl:if test="$reinspect-days">
        <xsl:value-of select="concat('；我局将在接到复查申请后', $reinspect-days, '日内组织符合法定资质的检验机构按照原监督抽查方案进行抽样复查')"/>
      </xsl:if>
      <xsl:text>。</xsl:text>
    </fo:block>

    <!-- objection to the test result -->
    <xsl:if test="r:decision/r:objection-by">
      <xsl:variable name="days" select="$regime/r:rules/r:deadline[@id = $c/r:decision/r:objection-by/@deadline]/@days"/>
      <fo:block xsl:use-attribute-sets="gb-p">
        <xsl:text>你单位如对检验结果有异议，可以自收到检验报告之日起</xsl:text>
        <xsl:if test="$days"><xsl:value-of select="concat($days, '日内')"/></xsl:if>
        <xsl:text>（即</xsl:text>
        <xsl:call-template name="date"><xsl:with-param name="iso" select="$objection-by"/></xsl:call-template>
        <xsl:text>前）向我局或者其上级质量技术监督部门提出书面复检申请；逾期未提出异议的，视为承认检验结果。</xsl:text>
      </fo:block>
    </xsl:if>

    <xsl:apply-templates select="r:remedies" mode="remedies">
      <xsl:with-param name="what" select="'本通知'"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="r:issuer" mode="contact"/>

    <xsl:call-template name="signature">
      <xsl:with-param name="organ" select="r:issuer/r:name"/>
      <xsl:with-param name="iso" select="r:issued/@date"/>
      <xsl:with-param name="note" select="'（本通知书一式两份，一份送达当事人，一份存档。）'"/>
    </xsl:call-template>
    <xsl:for-each select="r:note">
      <fo:block xsl:use-attribute-sets="gb-p" keep-with-previous.within-page="always"><xsl:value-of select="concat('附注：', .)"/></fo:block>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
