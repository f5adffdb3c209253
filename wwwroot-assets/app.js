// Small browser helpers for SalesHub. Preferences live in cookies so the server renders them on the first paint.
window.saleshub = {
  rememberTheme: function (value) {
    document.cookie = "SalesHub.Theme=" + value + ";path=/;max-age=31536000;samesite=lax";
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
