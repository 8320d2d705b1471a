using BonSecours.BuildingBlocks.Domain;
using BonSecours.BuildingBlocks.Http;
using BonSecours.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace BonSecours.Host.Auth;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Accepts the Host's own tokens and, when <c>Auth:Authority</c> is set, those of that
    /// OpenID Connect provider. Claims keep their JWT names (sub, role, residence).
    /// </summary>
    public static IServiceCollection AddBonSecoursAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var key = SigningKeys.Load(configuration);
        services.AddSingleton(key);
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();

        var authority = configuration["Auth:Authority"];
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    options.Authority = authority;
                }

                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuers = new[] { configuration["Auth:Issuer"], authority }.Where(issuer => !string.IsNullOrWhiteSpace(issuer)).ToArray(),
                    ValidAudience = configuration["Auth:Audience"],
                    IssuerSigningKeys = [key],
                    NameClaimType = ClaimNames.Name,
                    RoleClaimType = ClaimNames.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                options.Events = new JwtBearerEvents
                {
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        await ProblemResults.Result(context.HttpContext, 401, ProblemTitles.Unauthorized, new LocalizedText(
                            "Connectez-vous pour accéder à cette ressource.",
                            "Sign in to access this resource."), "auth.unauthenticated").ExecuteAsync(context.HttpContext);
                    },
                    OnForbidden = context => ProblemResults.Result(context.HttpContext, 403, ProblemTitles.Forbidden, new LocalizedText(
                        "Votre rôle ne permet pas cette action.",
                        "Your role does not allow this action."), "auth.forbidden").ExecuteAsync(context.HttpContext),
                };
            });
        services.AddAuthorization(Policies.Register);
        return services;
    }
}
