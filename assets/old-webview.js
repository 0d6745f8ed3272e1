/*
 * Outturn: shows the page's #old-webview message (src/taskpane/taskpane.html says why) in Internet Explorer 11 and
 * EdgeHTML webviews, and renames #root so the bundle mounts nothing over it. ES5: those engines must run it.
 */
(function () {
  var ua = window.navigator.userAgent || "";
  var forced = /[?&]webview=old(&|$)/.test(window.location.search || "");
  if (!forced && ua.indexOf("Trident") === -1 && ua.indexOf("Edge/") === -1) return;
  var message = document.getElementById("old-webview");
  var root = document.getElementById("root");
  if (!message || !root) return;
  root.id = "root-unsupported";
  root.style.display = "none";
  message.removeAttribute("hidden");
})();
