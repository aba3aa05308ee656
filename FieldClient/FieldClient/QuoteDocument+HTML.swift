import HTMLText
import OutpostModel

extension QuoteDocument {
    /// The document as one standalone, printable HTML page: inline CSS (A4 when
    /// printed), no scripts, no external resources. Elements carry classes and ids
    /// (`#quote-number`, `tr.line`, `#total` …) that tests and tools can read.
    public var html: String {
        let money = { (amount: Money) in "\(Self.escape(amount.decimalString))&nbsp;\(amount.currency.code)" }
        var rows = ""
        for (index, line) in lines.enumerated() {
            rows += """
                <tr class="line"><td class="pos">\(index + 1)</td><td><div class="product">\(Self.escape(line.productName))</div>\
                <div class="sku">\(Self.escape(line.sku))</div></td><td class="num qty">\(line.quantity)</td>\
                <td class="num">\(money(line.unitPrice))</td><td class="num total">\(money(line.total))</td></tr>
                <tr class="detail"><td></td><td colspan="2">Base price</td><td class="num">\(money(line.productPrice))</td><td></td></tr>

                """
            for option in line.options {
                rows += """
                    <tr class="option"><td></td><td colspan="2"><span class="option-name">\(Self.escape(option.name))</span> \
                    <span class="code">\(Self.escape(option.code))</span></td><td class="num">\(money(option.price))</td><td></td></tr>

                    """
            }
            if line.tierDiscount.minorUnits != 0 {
                rows += """
                    <tr class="tier"><td></td><td colspan="3">Volume discount</td>\
                    <td class="num">−\(money(line.tierDiscount))</td></tr>

                    """
            }
        }
        var totals = "<tr><th>Subtotal</th><td id=\"subtotal\" class=\"num\">\(money(subtotal))</td></tr>\n"
        if percentageDiscount.minorUnits != 0 {
            totals += "<tr><th>Discount \(Self.percent(discountBasisPoints))</th><td id=\"discount\" class=\"num\">−\(money(percentageDiscount))</td></tr>\n"
        }
        if amountDiscount.minorUnits != 0 {
            totals += "<tr><th>Special discount</th><td id=\"amount-discount\" class=\"num\">−\(money(amountDiscount))</td></tr>\n"
        }
        totals += "<tr class=\"grand\"><th>Total</th><td id=\"total\" class=\"num\">\(money(total))</td></tr>\n"
        let to = [Self.escape(customer), address.map(Self.escape), contact.map { "Attn: \(Self.escape($0))" }]
            .compactMap { $0 }.joined(separator: "<br>")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>Quote \(Self.escape(number)) · \(Self.escape(company))</title>
            <style>
            @page { size: A4; margin: 18mm 16mm; }
            * { box-sizing: border-box; }
            body { font: 10.5pt/1.45 "Helvetica Neue", Helvetica, Arial, sans-serif; color: #1d2733; margin: 0; background: #eef1f4; }
            .sheet { background: #fff; max-width: 210mm; margin: 24px auto; padding: 22mm 18mm; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
            header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 3px solid #1f5f99; padding-bottom: 10px; }
            #company { font-size: 20pt; font-weight: 700; color: #1f5f99; letter-spacing: .5px; }
            .doc-title { text-align: right; }
            .doc-title h1 { margin: 0; font-size: 16pt; letter-spacing: 2px; color: #51606f; }
            #quote-number { font-size: 13pt; font-weight: 700; }
            .meta { display: flex; justify-content: space-between; margin: 18px 0 8px; }
            .meta .to { max-width: 60%; }
            .label { font-size: 8pt; text-transform: uppercase; color: #7a8896; letter-spacing: 1px; }
            .meta dl { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 0; }
            .meta dt { color: #7a8896; } .meta dd { margin: 0; text-align: right; }
            .subject { margin: 10px 0 14px; font-weight: 600; }
            table.lines { width: 100%; border-collapse: collapse; }
            table.lines th { text-align: left; font-size: 8.5pt; text-transform: uppercase; color: #51606f; border-bottom: 1.5px solid #1d2733; padding: 6px 4px; }
            table.lines td { padding: 3px 4px; vertical-align: top; }
            tr.line td { border-top: 1px solid #d5dbe1; padding-top: 8px; }
            tr.line:first-child td { border-top: none; }
            .product { font-weight: 600; } .sku, .code { font: 8.5pt Menlo, Consolas, monospace; color: #7a8896; }
            tr.option td, tr.detail td, tr.tier td { font-size: 9pt; color: #51606f; }
            tr.option td:nth-child(2) { padding-left: 14px; }
            tr.tier td { color: #2d7a3e; }
            .num { text-align: right; white-space: nowrap; }
            table.lines th.num { text-align: right; }
            table.totals { margin: 14px 0 0 auto; border-collapse: collapse; min-width: 45%; }
            table.totals th { text-align: left; font-weight: 400; padding: 3px 8px; }
            table.totals td { padding: 3px 4px; }
            table.totals tr.grand th, table.totals tr.grand td { font-size: 13pt; font-weight: 700; border-top: 2px solid #1d2733; padding-top: 6px; }
            .validity { margin-top: 18px; padding: 8px 10px; background: #f3f7fb; border-left: 3px solid #1f5f99; }
            footer { margin-top: 22px; font-size: 8.5pt; color: #51606f; border-top: 1px solid #d5dbe1; padding-top: 8px; }
            footer ol { margin: 4px 0 0; padding-left: 18px; }
            @media print { body { background: #fff; } .sheet { margin: 0; padding: 0; box-shadow: none; max-width: none; } tr { page-break-inside: avoid; } }
            </style></head>
            <body><main class="sheet">
            <header><div id="company">\(Self.escape(company))</div>
            <div class="doc-title"><h1>QUOTE</h1><div id="quote-number">\(Self.escape(number))</div></div></header>
            <section class="meta"><div class="to"><div class="label">Offer for</div><div id="customer">\(to)</div></div>
            <dl><dt>Issued</dt><dd id="issued">\(issued)</dd><dt>Valid until</dt><dd id="valid-until">\(validUntil.map { "\($0)" } ?? "—")</dd>\
            <dt>Currency</dt><dd>\(currency.code)</dd>\(rep.map { "<dt>Your contact</dt><dd id=\"rep\">\(Self.escape($0))</dd>" } ?? "")</dl></section>
            \(subject.map { "<div class=\"subject\">Re: \(Self.escape($0))</div>" } ?? "")
            <table class="lines"><thead><tr><th>#</th><th>Item</th><th class="num">Qty</th><th class="num">Unit price</th><th class="num">Amount</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            <table class="totals">
            \(totals)</table>
            <div class="validity">This offer is valid until <strong>\(validUntil.map { "\($0)" } ?? "further notice")</strong>. Please quote <strong>\(Self.escape(number))</strong> with your order.</div>
            <footer><div class="label">Terms</div><ol id="terms">\(terms.map { "<li>\(Self.escape($0))</li>" }.joined())</ol>
            <p>Reference \(Self.escape(quoteID))</p></footer>
            </main></body></html>

            """
    }

    /// `text` escaped for HTML.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
