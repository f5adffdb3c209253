using System.Net;

namespace SalesHub.Web.Bench;

/// <summary>
/// A measured request got an answer it should not have: the bench stops, because a fast error
/// must never pass for a fast answer.
/// </summary>
internal sealed class UnexpectedResponseException(string message) : Exception(message)
{
    public static void ThrowUnless(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var request = response.RequestMessage;
            throw new UnexpectedResponseException(
                $"{request?.Method} {request?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected} {expected}.");
        }
    }
}
