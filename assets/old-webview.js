/*
 * Outturn: a plain message, in words, for the webviews that cannot run the pane.
 *
 * Volume-licensed Office 2019 (and earlier) shows add-ins in Internet Explorer 11 ("Trident"); retail Office 2016/2019
 * without WebView2 in the original Microsoft Edge ("EdgeHTML") ("Browsers and webview controls used by Office
 * Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins). The pane's bundle
 * (ES2020, React 18, Fluent UI 9) cannot even be parsed there, so the pane would stay blank. Microsoft recommends a
 * graceful message found from navigator.userAgent ("Support older Microsoft webviews and Office versions",
 * learn.microsoft.com/office/dev/add-ins/develop/support-ie-11): this file, ES5 only and outside the bundle, runs
 * from the add-in's own origin (no inline script, so the page's Content-Security-Policy can forbid inline scripts),
 * straight after <div id="root"> and before the deferred bundle. ?webview=old forces it (tests, demonstrations).
 */
(function () {
  var ua = window.navigator.userAgent || "";
  var forced = /[?&]webview=old(&|$)/.test(window.location.search || "");
  if (!forced && ua.indexOf("Trident") === -1 && ua.indexOf("Edge/") === -1) return;
  var root = document.getElementById("root");
  if (!root) return;
  // The bundle mounts the pane only into #root: renamed, nothing else draws over the message.
  root.id = "root-unsupported";
  while (root.firstChild) root.removeChild(root.firstChild);

  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text) el.appendChild(document.createTextNode(text));
    parent.appendChild(el);
    return el;
  }
  var box = add(root, "div");
  box.setAttribute("role", "alert");
  box.style.padding = "16px";
  box.style.fontFamily = "'Segoe UI', Arial, sans-serif";
  box.style.fontSize = "14px";
  box.style.lineHeight = "1.5";
  add(box, "h1", "Outturn cannot run in this version of Excel").style.fontSize = "18px";
  add(box, "p", "This copy of Office shows add-ins with an old browser engine (Internet Explorer 11 or the original " +
    "Microsoft Edge), which cannot run Outturn. Your workbook is not affected.");
  add(box, "p", "What works instead:");
  var list = add(box, "ul");
  add(list, "li", "Excel for Microsoft 365 on Windows or Mac (File > Account shows which Excel you have), or");
  add(list, "li", "Excel on the web: open the workbook from OneDrive or SharePoint at office.com, in Edge, Chrome or Firefox, " +
    "then open Outturn from the Home tab.");
  add(box, "p", "If you need Outturn in this copy of Office, ask your IT team: Outturn needs Office that shows add-ins " +
    "with Microsoft Edge WebView2.");
})();
