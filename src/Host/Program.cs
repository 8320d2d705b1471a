using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Asp.Versioning;
using BonSecours.BuildingBlocks.Application;
using BonSecours.BuildingBlocks.Hosting;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Persistence;
using BonSecours.BuildingBlocks.Security;
using BonSecours.Host;
using BonSecours.Host.Api;
using BonSecours.Host.Auth;
using BonSecours.BuildingBlocks.Realtime;
using BonSecours.Host.Security;
using BonSecours.Modules.CareFollowUp.Infrastructure;
using BonSecours.Modules.CommunityLife.Infrastructure;
using BonSecours.Modules.Residents.Infrastructure;
using BonSecours.Modules.Services.Infrastructure;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Util;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DatabaseEndpoint>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ScopedRequestContext>();
builder.Services.AddScoped<IRequestContext>(provider => provider.GetRequiredService<ScopedRequestContext>());

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(options =>
{
    options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});

builder.Services.AddBonSecoursAuthentication(builder.Configuration);
builder.Services.AddApiVersioning(options =>
{
    options.DefaultApiVersion = new ApiVersion(1);
    options.ReportApiVersions = true;
    options.ApiVersionReader = new UrlSegmentApiVersionReader();
});
builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer(new VersionedPathsTransformer("v1")));
builder.Services.AddHealthChecks().AddNpgSql(provider => provider.GetRequiredService<DatabaseEndpoint>().ConnectionString, name: "postgresql");

// Outside Development, Wolverine loads the handler code pre-generated into the Host by
// scripts/codegen.sh instead of compiling it with Roslyn at start-up, and a missing or
// stale generated type stops the start.
builder.Services.CritterStackDefaults(defaults =>
{
    defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
    defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
    defaults.Production.AssertAllPreGeneratedTypesExist = true;
});

builder.Services.AddBonSecoursRateLimiting(builder.Configuration);
builder.Services.AddHostedService<IdempotencyPurgeService>();

builder.Services.AddSingleton<RealtimeBroker>();
builder.Services.AddResidentsModule();
builder.Services.AddCareFollowUpModule();
builder.Services.AddServicesModule();
builder.Services.AddCommunityLifeModule();
builder.Host.UseBonSecoursMessaging(builder.Configuration);

if (builder.Environment.IsDevelopment())
{
    builder.Services.AddHostedService<DemoDataService>();
}

var app = builder.Build();

// Localization runs first because the culture it sets does not flow back out to an outer
// middleware. Otherwise the exception handler would write every problem in French.
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("fr-FR"),
    SupportedCultures = [new CultureInfo("fr-FR"), new CultureInfo("en")],
    SupportedUICultures = [new CultureInfo("fr-FR"), new CultureInfo("en")],
    RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()],
});
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(EmptyErrorProblems.WriteAsync);
var portal = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "portal"));
app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = portal });
app.UseStaticFiles(new StaticFileOptions { FileProvider = portal });
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
// Without the CDN fonts and the AI agent, the API page loads only from this Host, as its Content-Security-Policy requires.
app.MapScalarApiReference("/api-docs", options => options
        .WithTitle("BonSecours API")
        .DisableDefaultFonts()
        .DisableAgent())
    .AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();

var versions = app.NewApiVersionSet().HasApiVersion(new ApiVersion(1)).ReportApiVersions().Build();
var v1 = app.MapGroup("/api/v{version:apiVersion}").WithApiVersionSet(versions).MapToApiVersion(new ApiVersion(1));
v1.MapResidentsEndpoints();
v1.MapCareFollowUpEndpoints();
v1.MapServicesEndpoints();
v1.MapCommunityLifeEndpoints();
if (app.Environment.IsDevelopment())
{
    DemoTokenEndpoint.Map(v1, app.Configuration["Demo:ResidenceId"] ?? DemoDataService.DefaultResidence);
}

return await app.RunJasperFxCommands(args);

/// <summary>Lets the integration tests start the real Host with WebApplicationFactory.</summary>
public partial class Program;
