namespace SalesHub.Web;

/// <summary>Marker for the app's string resources (Resources/SharedResource.*.resx), in English and Chinese.</summary>
public sealed class SharedResource;
