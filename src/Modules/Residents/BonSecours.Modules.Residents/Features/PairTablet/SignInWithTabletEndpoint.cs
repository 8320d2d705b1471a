using BonSecours.BuildingBlocks.Http;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BonSecours.Modules.Residents.Features.PairTablet;

internal sealed record TabletSignInRequest(string DeviceToken, string Pin);

internal static class SignInWithTabletEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/auth/tablet/sign-in", async (TabletSignInRequest body, IMediator mediator, HttpContext httpContext, CancellationToken cancellationToken) =>
            {
                var outcome = await mediator.Send(new SignInWithTablet(body.DeviceToken, body.Pin), cancellationToken);
                return outcome.Failure switch
                {
                    TabletSignInFailure.None => Results.Ok(outcome.SignIn),
                    TabletSignInFailure.WrongPin => ProblemResults.Result(httpContext, StatusCodes.Status401Unauthorized, ProblemTitles.Unauthorized,
                        TabletRules.WrongPin(outcome.RemainingAttempts), "tablet.wrong-pin"),
                    TabletSignInFailure.Locked => ProblemResults.Result(httpContext, StatusCodes.Status423Locked, ProblemTitles.Forbidden,
                        TabletRules.Locked, "tablet.locked"),
                    TabletSignInFailure.NoLongerLent => ProblemResults.Result(httpContext, StatusCodes.Status403Forbidden, ProblemTitles.Forbidden,
                        TabletRules.TabletNoLongerLent, "tablet.no-longer-lent"),
                    _ => ProblemResults.Result(httpContext, StatusCodes.Status401Unauthorized, ProblemTitles.Unauthorized,
                        TabletRules.DeviceNotRecognized, "tablet.device-not-recognized"),
                };
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.TabletSignIn)
            .WithTags("Authentification")
            .WithSummary("Connecte le résident sur sa tablette avec son code PIN (jeton valable 12 heures)");
}
