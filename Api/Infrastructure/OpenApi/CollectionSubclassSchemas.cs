using Namotion.Reflection;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Api.Infrastructure.OpenApi;

/// <summary>
/// A response that is a named list (<c>sealed class Response : List&lt;Rep&gt;</c>) is a JSON array on the wire; NJsonSchema
/// would describe it as an object with List's internals (Capacity, _items), so its schema becomes an array of the items.
/// </summary>
public sealed class CollectionSubclassSchemas : ISchemaProcessor
{
    public void Process(SchemaProcessorContext context)
    {
        var type = context.ContextualType.Type;
        if (type.IsGenericType || type.IsArray || type == typeof(string) || !type.IsClass) return;
        var interfaces = type.GetInterfaces().Where(i => i.IsGenericType).Select(i => (Def: i.GetGenericTypeDefinition(), Args: i.GetGenericArguments())).ToList();
        if (interfaces.Any(i => i.Def == typeof(IDictionary<,>))) return;
        if (interfaces.FirstOrDefault(i => i.Def == typeof(IList<>)).Args?[0] is not { } item) return;
        var schema = context.Schema;
        schema.Properties.Clear();
        schema.AllowAdditionalProperties = true;
        schema.Type = JsonObjectType.Array;
        schema.Item = context.Generator.GenerateWithReferenceAndNullability<JsonSchema>(item.ToContextualType(), false, context.Resolver);
    }
}
