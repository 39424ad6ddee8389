using Api.Features;
using Api.Infrastructure;
using Api.Infrastructure.Cli;

var builder = WebApplication.CreateBuilder(args);
builder.AddSlicesPlatform();
builder.Services.AddFeatures();

var app = builder.Build();
if (await Cli.TryRunAsync(app, args)) return;

app.UseSlicesPlatform();
app.UseSchedules(Features.Schedule);
await app.RunAsync();

public partial class Program;
