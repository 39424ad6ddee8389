using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Api.Infrastructure.Integrations.S3;

/// <summary>
/// One S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) with AWSSDK.S3. <see cref="ServiceUrl"/> is the endpoint (R2:
/// <c>https://&lt;account&gt;.r2.cloudflarestorage.com</c>), path-style addressing, checksums only when an operation requires
/// them and no chunked (streaming) signing, which R2 and MinIO need. Objects are public through <see cref="PublicUrl"/>.
/// </summary>
public sealed record S3Settings(string ServiceUrl, string AccessKeyId, string SecretAccessKey, string Bucket, string PublicUrl, string Region = "auto");

public sealed class S3UploadException(string message, Exception? inner = null) : Exception(message, inner);

public static class ObjectStorage
{
    public static AmazonS3Client Client(S3Settings s) => new(new BasicAWSCredentials(s.AccessKeyId, s.SecretAccessKey), new AmazonS3Config
    {
        ServiceURL = s.ServiceUrl,
        ForcePathStyle = true,
        AuthenticationRegion = s.Region,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        MaxErrorRetry = 1,
        Timeout = TimeSpan.FromSeconds(20),
    });

    /// <summary>Puts the bytes at <paramref name="key"/>; returns the public URL. Throws <see cref="S3UploadException"/> when the store refuses or is unreachable.</summary>
    public static async Task<string> PutAsync(S3Settings s, string key, byte[] content, string contentType, CancellationToken ct)
    {
        using var client = Client(s);
        try
        {
            using var stream = new MemoryStream(content);
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = s.Bucket, Key = key, InputStream = stream, ContentType = contentType, UseChunkEncoding = false, AutoCloseStream = false,
            }, ct);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new S3UploadException($"Upload failed: {e.GetType().Name} {(e as AmazonServiceException)?.StatusCode}", e);
        }
        return s.PublicUrl.TrimEnd('/') + "/" + string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
    }
}
