using System.Collections.Concurrent;

namespace Api.Infrastructure.Database;

/// <summary>Loads a slice's SQL file, embedded as <c>{namespace}.{file}</c>, once.</summary>
public static class Sql
{
    static readonly ConcurrentDictionary<string, string> Cache = new();

    public static string Load<T>(string file) => Load(typeof(T), file);

    public static string Load(Type owner, string file)
    {
        var name = $"{owner.Namespace}.{file}";
        return Cache.GetOrAdd(name, n =>
        {
            using var stream = owner.Assembly.GetManifestResourceStream(n)
                ?? throw new InvalidOperationException($"SQL resource '{n}' is not embedded; is '{file}' next to {owner.Name}?");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        });
    }
}
