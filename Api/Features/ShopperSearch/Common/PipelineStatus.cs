namespace Api.Features.ShopperSearch.Common;

/// <summary>A <c>pipeline_status</c> row.</summary>
sealed class PipelineRow
{
    public long MerchantId { get; init; }
    public string? ShopDomain { get; init; }
    public string CurrentStep { get; init; } = "";
    public string[] CompletedSteps { get; init; } = [];
    public string[] FailedSteps { get; init; } = [];
    public string Status { get; init; } = "running";
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public DateTimeOffset LastUpdated { get; init; }
    public string? ErrorMessage { get; init; }
    public string? RunId { get; init; }
}

/// <summary>PipelineStatusResponse: the stored fields plus progress_percentage and estimated_completion.</summary>
sealed record PipelineStatusResponse(
    long MerchantId, string? ShopDomain, string CurrentStep, string[] CompletedSteps, string[] FailedSteps, string Status,
    DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, DateTimeOffset LastUpdated, string? ErrorMessage, double ProgressPercentage,
    DateTimeOffset? EstimatedCompletion);

static class Pipeline
{
    public static readonly string[] ShopifySteps =
        ["shopify_etl_dev", "enrichment_dev", "create_color_embeddings", "add_color_names", "create_text_embeddings", "create_img_embeddings", "deploy_shoppergpt_extension"];
    /// <summary>Non-Shopify merchants skip shopify_etl_dev and deploy_shoppergpt_extension.</summary>
    public static readonly string[] PushSteps = ShopifySteps[1..^1];

    public const string Columns = """
        merchant_id as "MerchantId", shop_domain as "ShopDomain", current_step as "CurrentStep", completed_steps as "CompletedSteps",
        failed_steps as "FailedSteps", status as "Status", started_at as "StartedAt", completed_at as "CompletedAt",
        last_updated as "LastUpdated", error_message as "ErrorMessage", run_id as "RunId"
        """;

    public static PipelineStatusResponse ToResponse(this PipelineRow r)
    {
        var shopify = !(r.RunId?.StartsWith("pr_", StringComparison.Ordinal) ?? false) && (r.CompletedSteps.Contains("shopify_etl_dev") || r.CurrentStep is "shopify_etl_dev" or "deploy_shoppergpt_extension"
                      || (r.ShopDomain?.EndsWith(".myshopify.com", StringComparison.OrdinalIgnoreCase) ?? false));
        var steps = shopify ? ShopifySteps : PushSteps;
        var done = r.CompletedSteps.Where(steps.Contains).Distinct().Count();
        // a completed run is 100 % even when it skipped steps (a push merchant on a Shopify domain, or no extension to deploy)
        var progress = r.Status == "completed" ? 100 : Math.Round(Math.Min(100, 100.0 * done / steps.Length), 2);
        DateTimeOffset? eta = null;
        if (r.Status == "running" && done > 0 && done < steps.Length)
        {
            var perStep = (r.LastUpdated - r.StartedAt) / done;
            eta = r.LastUpdated + perStep * (steps.Length - done);
        }
        return new PipelineStatusResponse(r.MerchantId, r.ShopDomain, r.CurrentStep, r.CompletedSteps, r.FailedSteps, r.Status, r.StartedAt,
            r.CompletedAt, r.LastUpdated, r.ErrorMessage, progress, eta);
    }
}
