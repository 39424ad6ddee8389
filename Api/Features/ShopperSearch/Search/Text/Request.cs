using System.Text.Json;
using Api.Features.ShopperSearch.Common;
using ErrorOr;
using FastEndpoints;
using Mediator;

namespace Api.Features.ShopperSearch.Search.Text;

sealed record Request : TextSearchBody, IRequest<ErrorOr<Response>>
{
    sealed class Validator : Validator<Request>
    {
        public Validator() => SearchValidators.TextBody(this);
    }
}

sealed record Results(JsonElement Data);

sealed record Response(Results Results, string Recommendation, bool Success);
