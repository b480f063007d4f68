# Build the jar first (mvn -DskipTests package); the image only runs it.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/shiftrelay-*.jar /app/shiftrelay.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/shiftrelay.jar"]
