namespace Api.Features.AdPriority;

/// <summary>
/// Where Shopify reaches this app: <c>Modules:adpriority:PublicUrl</c> or <c>AdPriority:AppUrl</c> (public origin), else the
/// request's scheme and host, + the module base path (<see cref="Infrastructure.Modules.ModuleUrls"/>).
/// </summary>
public static class AppUrls
{
    public static string Root(IConfiguration config, HttpRequest? request) =>
        Infrastructure.Modules.ModuleUrls.Root(Infrastructure.Modules.Modules.AdPriority, config, request, "AdPriority:AppUrl");

    public static readonly string[] WebhookTopics = ["products/create", "products/update", "products/delete", "app/uninstalled"];
    public const string Scopes = "read_products,read_inventory";
}
