"""The SparkDeck test stand-in for Apache Spark's standalone master and worker (see ../../README.md)."""
