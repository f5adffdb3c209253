// Small browser helpers for SalesHub. Preferences live in cookies so the server renders them on the first paint.
window.saleshub = {
  rememberTheme: function (value) {
    document.cookie = "SalesHub.Theme=" + value + ";path=/;max-age=31536000;samesite=lax";
  },
  // Saves a file the server streamed over the circuit (a DotNetStreamReference) under its name.
  downloadFile: async function (fileName, contentType, streamReference) {
    var blob = new Blob([await streamReference.arrayBuffer()], { type: contentType });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  },
};
(function rememberTimeZone() {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      document.cookie = "SalesHub.TimeZone=" + encodeURIComponent(zone) + ";path=/;max-age=31536000;samesite=lax";
    }
  } catch (e) {
    // An old browser without Intl shows times in UTC.
  }
})();
