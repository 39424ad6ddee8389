using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Npgsql;

namespace Api.Infrastructure.Database;

/// <summary>
/// The fast path of <see cref="AppDb.ReadTenantAsync{T}"/>: parameters bound from an object's public properties by name
/// (Npgsql rewrites <c>@Name</c> as LinqToDB's command does) and rows mapped by column name to settable properties of a
/// class with a parameterless constructor (exact name first, then ignoring case; columns without a member are skipped, as
/// LinqToDB skips them). Only plain column types qualify (<see cref="Plain"/>): enums, nested objects and converters stay
/// with LinqToDB's mapping schema. Binders and mappers are compiled once per type and column layout.
/// </summary>
static class DirectRead
{
    static readonly HashSet<Type> Plain =
    [
        typeof(string), typeof(bool), typeof(short), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(float),
        typeof(Guid), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(byte[]),
        typeof(string[]), typeof(int[]), typeof(long[]), typeof(Guid[]), typeof(decimal[]),
    ];

    static bool IsPlain(Type t) => Plain.Contains(Nullable.GetUnderlyingType(t) ?? t);

    static readonly ConcurrentDictionary<Type, bool> RowOk = new();
    static readonly ConcurrentDictionary<Type, (string Name, Func<object, object?> Get)[]?> Binders = new();
    static readonly ConcurrentDictionary<(Type, string), Delegate> Mappers = new();

    public static bool Supports<T>(object? param) =>
        RowOk.GetOrAdd(typeof(T), t => t.IsClass && t != typeof(string) && t.GetConstructor(Type.EmptyTypes) is not null
            && Members(t).Any() && Members(t).All(p => IsPlain(p.PropertyType)))
        && (param is null || BinderOf(param.GetType()) is not null);

    static IEnumerable<PropertyInfo> Members(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    static (string Name, Func<object, object?> Get)[]? BinderOf(Type t) => Binders.GetOrAdd(t, type =>
    {
        var props = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
        if (props.Any(p => !IsPlain(p.PropertyType))) return null;
        return props.Select(p =>
        {
            var o = Expression.Parameter(typeof(object));
            var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(Expression.Property(Expression.Convert(o, type), p), typeof(object)), o).Compile();
            return (p.Name, get);
        }).ToArray();
    });

    public static void Bind(object? param, NpgsqlParameterCollection into)
    {
        if (param is null) return;
        foreach (var (name, get) in BinderOf(param.GetType())!)
            into.Add(new NpgsqlParameter(name, get(param) ?? DBNull.Value));
    }

    public static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, CancellationToken ct)
    {
        var list = new List<T>();
        if (!await reader.ReadAsync(ct)) return list;
        var layout = string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        var map = (Func<DbDataReader, T>)Mappers.GetOrAdd((typeof(T), layout), _ => Compile<T>(reader));
        do list.Add(map(reader)); while (await reader.ReadAsync(ct));
        return list;
    }

    static Func<DbDataReader, T> Compile<T>(DbDataReader reader)
    {
        var members = Members(typeof(T)).ToArray();
        var r = Expression.Parameter(typeof(DbDataReader), "r");
        var bindings = new List<MemberBinding>();
        var taken = new HashSet<PropertyInfo>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            var p = members.FirstOrDefault(m => m.Name == name && !taken.Contains(m))
                    ?? members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase) && !taken.Contains(m));
            if (p is null) continue;
            taken.Add(p);
            var type = p.PropertyType;
            var read = Expression.Call(r, typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(Nullable.GetUnderlyingType(type) ?? type),
                Expression.Constant(i));
            Expression value = Expression.Condition(
                Expression.Call(r, typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull))!, Expression.Constant(i)),
                Expression.Default(type), Expression.Convert(read, type));
            bindings.Add(Expression.Bind(p, value));
        }
        return Expression.Lambda<Func<DbDataReader, T>>(Expression.MemberInit(Expression.New(typeof(T)), bindings), r).Compile();
    }
}
