namespace Api.Features.AdPriority;

/// <summary>Where Shopify reaches this app: <c>AdPriority:AppUrl</c> (public origin, default http://localhost:5080) + the module base path.</summary>
public static class AppUrls
{
    public static string Root(IConfiguration config) =>
        (config["AdPriority:AppUrl"] is { Length: > 0 } u ? u.TrimEnd('/') : "http://localhost:5080") + Infrastructure.Modules.Modules.AdPriority.BasePath;

    public static readonly string[] WebhookTopics = ["products/create", "products/update", "products/delete", "app/uninstalled"];
    public const string Scopes = "read_products,read_inventory";
}
